#include "forwardcodetemplates.h"

namespace CodeTemplates {

const QLatin1String PythonForwardServer(R"py(
@HEADER@import socket
import struct
import threading

HOST = @HOST@
PORT = @PORT@  # 0 lets the system choose a free port
BACKLOG = @BACKLOG@  # the length of the kernel's accept queue
MAX_CONNECTIONS = @MAX@  # past this many open, new connections are closed at once
UPSTREAM = (@UPSTREAM_HOST@, @UPSTREAM_PORT@)  # where each client is relayed
CONNECT_TIMEOUT = 10  # seconds the upstream has to answer
CHUNK = 64 * 1024  # one read; each side waits for the other, so memory stays bounded

open_count = 0
count_lock = threading.Lock()


def reset(*socks):
    """SO_LINGER {1, 0} then close: RST, the peer gets ECONNRESET."""
    for sock in socks:
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
            sock.close()
        except OSError:
            pass


def pump(source, sink, done):
    """Copies one direction until EOF, then passes the FIN on as a half-close. sendall()
    blocks while the other side is slow, so TCP flow control holds this side back too."""
    try:
        while True:
            data = source.recv(CHUNK)
            if not data:
                break
            sink.sendall(data)
        sink.shutdown(socket.SHUT_WR)  # FIN: that side reads EOF and can still answer
    except OSError:  # a reset (or a failure) on either side is passed on as a reset
        reset(source, sink)
    done.set()


@PEER_NAME@def relay(conn, name):
    global open_count
    try:
        upstream = socket.create_connection(UPSTREAM, timeout=CONNECT_TIMEOUT)
        upstream.settimeout(None)
        upstream.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    except socket.timeout:
        print('Connection from %s: upstream @UPSTREAM@ did not answer within %d s'
              % (name, CONNECT_TIMEOUT), flush=True)
        upstream = None
    except OSError as error:  # ConnectionRefusedError, host not found, ...
        print('Connection from %s: upstream @UPSTREAM@: %s' % (name, error.strerror or error),
              flush=True)
        upstream = None
    if upstream is not None:
        print('Connection from %s: connected to upstream @UPSTREAM@' % name, flush=True)
        to_client, to_upstream = threading.Event(), threading.Event()
        threading.Thread(target=pump, args=(upstream, conn, to_client), daemon=True).start()
        pump(conn, upstream, to_upstream)
        to_client.wait()
        upstream.close()
    conn.close()
    print('Connection from', name, 'closed', flush=True)
    with count_lock:
        open_count -= 1


@SETUP@print('Waiting for a connection...', flush=True)
try:
    while True:
        conn, addr = server.accept()
        name = @NAME@
        with count_lock:
            full = open_count >= MAX_CONNECTIONS
            if not full:
                open_count += 1
        if full:
            print('Refused %s: already %d connections open, the maximum' % (name, open_count),
                  flush=True)
            conn.close()
            continue
        print('Connection from', name, flush=True)
        threading.Thread(target=relay, args=(conn, name), daemon=True).start()
except KeyboardInterrupt:
    pass  # Ctrl+C stops the server
)py");

} // namespace CodeTemplates
