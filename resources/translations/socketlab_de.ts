<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AcceptGate</name>
    <message>
        <location filename="../../app/net/acceptgate.cpp" line="+80"/>
        <source>too many open files</source>
        <translation>zu viele offene Dateien</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accepting paused: too many open files (limit %1)</source>
        <translation>Annahme pausiert: zu viele offene Dateien (Limit %1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>too many open files in the system</source>
        <translation>zu viele offene Dateien im System</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepting paused: too many open files in the system</source>
        <translation>Annahme pausiert: zu viele offene Dateien im System</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Accepting paused: %1</source>
        <translation>Annahme pausiert: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Descriptors are free again; accepting stays paused</source>
        <translation>Deskriptoren sind wieder frei; die Annahme bleibt pausiert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accepting resumed</source>
        <translation>Annahme fortgesetzt</translation>
    </message>
</context>
<context>
    <name>AcceptQueueGauge</name>
    <message>
        <location filename="../../ui/acceptqueuegauge.cpp" line="+21"/>
        <source>Accept queue</source>
        <translation>Accept-Warteschlange</translation>
    </message>
    <message>
        <location line="+65"/>
        <location line="+78"/>
        <source>System-wide overflows %1 · drops %2</source>
        <translation>Systemweit Überläufe %1 · verworfen %2</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Accept queue: not listening</source>
        <translation>Accept-Warteschlange: kein Listener aktiv</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accept queue: not available on this platform</source>
        <translation>Accept-Warteschlange: auf dieser Plattform nicht verfügbar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accept queue %1 / %2</source>
        <translation>Accept-Warteschlange %1 / %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Overflows and drops: not available on this platform</source>
        <translation>Überläufe und Verwerfungen: auf dieser Plattform nicht verfügbar</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The kernel&apos;s accept queue: connections whose handshake is complete, waiting for accept(), against the backlog given to listen(). When it is full the kernel turns new connections away.</source>
        <translation>Die Accept-Warteschlange des Kernels: Verbindungen mit abgeschlossenem Handshake, die auf accept() warten, gemessen am Backlog aus listen(). Ist sie voll, weist der Kernel neue Verbindungen ab.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Overflows and drops are the kernel&apos;s counts for the whole system (ListenOverflows and ListenDrops in /proc/net/netstat), not for this listener alone: any listener on this machine adds to them. They count from when listening started.</source>
        <translation>Überläufe und Verwerfungen sind die Zähler des Kernels für das ganze System (ListenOverflows und ListenDrops in /proc/net/netstat), nicht nur für diesen Listener: Jeder Listener auf diesem Rechner trägt dazu bei. Gezählt wird ab dem Start des Lauschens.</translation>
    </message>
</context>
<context>
    <name>AccessList</name>
    <message>
        <location filename="../../app/model/accesslist.cpp" line="+60"/>
        <source>&quot;%1&quot; is not an IPv4 or IPv6 address or network</source>
        <translation>„%1“ ist keine IPv4- oder IPv6-Adresse und kein Netz</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot;: the prefix length must be a number from 0 to %2</source>
        <translation>„%1“: Die Präfixlänge muss eine Zahl von 0 bis %2 sein</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot;: prefix longer than %2</source>
        <translation>„%1“: Präfix länger als %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&quot;%1&quot; has host bits set; did you mean %2/%3?</source>
        <translation>„%1“ hat gesetzte Host-Bits; war %2/%3 gemeint?</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Too many entries: at most %1</source>
        <translation>Zu viele Einträge: höchstens %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>cannot be read</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>the deny list cannot be read (%1)</source>
        <translation>die Sperrliste ist nicht lesbar (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the allow list cannot be read (%1)</source>
        <translation>die Erlaubt-Liste ist nicht lesbar (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>denied by rule %1</source>
        <translation>gesperrt durch Regel %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not in the allow list</source>
        <translation>nicht in der Erlaubt-Liste</translation>
    </message>
</context>
<context>
    <name>BindAddress</name>
    <message>
        <location filename="../../app/config/bindaddresses.cpp" line="+21"/>
        <source>127.0.0.1 (loopback, this machine only)</source>
        <translation>127.0.0.1 (Loopback, nur dieser Rechner)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>::1 (IPv6 loopback)</source>
        <translation>::1 (IPv6-Loopback)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>0.0.0.0 (all IPv4 interfaces)</source>
        <translation>0.0.0.0 (alle IPv4-Schnittstellen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>:: (all interfaces, IPv4 and IPv6)</source>
        <translation>:: (alle Schnittstellen, IPv4 und IPv6)</translation>
    </message>
</context>
<context>
    <name>ClientPool</name>
    <message>
        <location filename="../../app/net/clientpool.cpp" line="+39"/>
        <source>Nothing to open: the number of connections must be at least 1</source>
        <translation>Nichts zu öffnen: Die Anzahl der Verbindungen muss mindestens 1 sein</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No address to connect to</source>
        <translation>Keine Adresse zum Verbinden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Port 0 cannot be connected to; enter the port the server listens on</source>
        <translation>Mit Port 0 kann nicht verbunden werden; geben Sie den Port ein, auf dem der Server lauscht</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Already %1 test connections open or starting, the most at once; close them first</source>
        <translation>Bereits %1 Testverbindungen offen oder im Aufbau, mehr geht nicht gleichzeitig; schließen Sie diese zuerst</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Opening %1 of the %2 asked for: at most %3 test connections at once</source>
        <translation>Öffne %1 der %2 angeforderten: höchstens %3 Testverbindungen gleichzeitig</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>no socket could be created; the process may have reached its limit of open files (ulimit -n)</source>
        <translation>es konnte kein Socket erzeugt werden; der Prozess hat vielleicht sein Limit offener Dateien erreicht (ulimit -n)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not connect to %1: %2</source>
        <translation>Verbindung mit %1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Connecting to %1 timed out after %2 ms</source>
        <translation>Zeitüberschreitung beim Verbinden mit %1 nach %2 ms</translation>
    </message>
</context>
<context>
    <name>ClientsPanel</name>
    <message>
        <location filename="../../ui/clientspanel.ui" line="+14"/>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>HOST:PORT to connect to, such as 127.0.0.1:9000 or [::1]:9000; empty: this listener</source>
        <translation>HOST:PORT zum Verbinden, etwa 127.0.0.1:9000 oder [::1]:9000; leer: dieser Listener</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>How many connections to open</source>
        <translation>Wie viele Verbindungen geöffnet werden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> per second</source>
        <translation> pro Sekunde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New connections started per second</source>
        <translation>Neu gestartete Verbindungen pro Sekunde</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Optional: sent once on each connection</source>
        <translation>Optional: einmal auf jeder Verbindung gesendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent as UTF-8 once each connection is up; escapes \r \n \t \0 \\ \xHH</source>
        <translation>Als UTF-8 gesendet, sobald die Verbindung steht; Escapes \r \n \t \0 \\ \xHH</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close after</source>
        <translation>Schließen nach</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+16"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Hold open</source>
        <translation>Offen halten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close each connection this long after it is up; 0 holds it open until Close all clients</source>
        <translation>Jede Verbindung so lange nach dem Aufbau schließen; 0 hält sie offen bis „Alle Clients schließen“</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connect timeout</source>
        <translation>Verbindungs-Timeout</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give up on a connection not up after this long; None waits as long as the system retries (a paused listener&apos;s full queue holds connects back until it resumes)</source>
        <translation>Eine Verbindung aufgeben, die nach dieser Zeit nicht steht; „Keiner“ wartet, solange das System es erneut versucht (die volle Warteschlange eines pausierten Listeners hält Verbindungsversuche bis zur Fortsetzung zurück)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open connections</source>
        <translation>Verbindungen öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adds to the test connections already open, up to 10,000 at once</source>
        <translation>Ergänzt die bereits offenen Testverbindungen, bis zu 10.000 gleichzeitig</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close all clients</source>
        <translation>Alle Clients schließen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closes every test connection (FIN) and cancels those not started yet</source>
        <translation>Schließt jede Testverbindung (FIN) und bricht noch nicht gestartete ab</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Opening more while clients run adds to them, up to 10,000 at once.</source>
        <translation>Weitere öffnen, während Clients laufen, ergänzt diese, bis zu 10.000 gleichzeitig.</translation>
    </message>
    <message>
        <location filename="../../ui/clientspanel.cpp" line="+41"/>
        <source>Port 0 cannot be connected to; enter the port the server listens on</source>
        <translation>Mit Port 0 kann nicht verbunden werden; geben Sie den Port ein, auf dem der Server lauscht</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Connected %1 · connecting %2 · failed %3 · closed %4 · waiting %5</source>
        <translation>Verbunden %1 · im Aufbau %2 · fehlgeschlagen %3 · geschlossen %4 · wartend %5</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connected %1 · connecting %2 · failed %3 · closed %4</source>
        <translation>Verbunden %1 · im Aufbau %2 · fehlgeschlagen %3 · geschlossen %4</translation>
    </message>
</context>
<context>
    <name>CodeView</name>
    <message>
        <location filename="../../ui/codeview.cpp" line="+18"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C++ (Qt)</source>
        <translation>C++ (Qt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The language of the program</source>
        <translation>Die Sprache des Programms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy the whole program to the clipboard</source>
        <translation>Das ganze Programm in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Program</source>
        <translation>Programm</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <location filename="../../app/cli/commandline.cpp" line="+47"/>
        <source>not an existing folder</source>
        <translation>kein vorhandener Ordner</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot write there</source>
        <translation>dort kann nicht geschrieben werden</translation>
    </message>
    <message>
        <location line="+164"/>
        <source>Socket Lab: build, start and watch a TCP server live.</source>
        <translation>Socket Lab: einen TCP-Server aufbauen, starten und live beobachten.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Length of the kernel&apos;s accept queue, as in listen(N) (default 5).</source>
        <translation>Länge der Accept-Warteschlange des Kernels, wie in listen(N) (Standard 5).</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+42"/>
        <location filename="../../app/cli/scriptflags.cpp" line="+14"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="-132"/>
        <location line="+99"/>
        <source>MODE</source>
        <translation>MODUS</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep figures for benchmarks in FILE as JSON, rewritten five times a second and at exit: accepted, open, peak open, bytes, event-loop lag, memory. SIGUSR1 starts a new measurement of lag and peak open.</source>
        <translation>Kennzahlen für Benchmarks als JSON in DATEI führen, fünfmal pro Sekunde und beim Beenden neu geschrieben: angenommen, offen, höchstens offen, Bytes, Verzögerung der Ereignisschleife, Speicher. SIGUSR1 beginnt eine neue Messung von Verzögerung und Höchstzahl.</translation>
    </message>
    <message>
        <location line="-115"/>
        <location line="+4"/>
        <location line="+11"/>
        <location line="+103"/>
        <location filename="../../app/cli/profileflag.cpp" line="+16"/>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What greeting mode sends on accept, with escapes \r \n \t \0 \\ \xHH (default &quot;Hello from Socket Lab\r\n&quot;).</source>
        <translation>Was der Modus greeting beim Annehmen sendet, mit Escapes \r \n \t \0 \\ \xHH (Standard &quot;Hello from Socket Lab\r\n&quot;).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TEXT</source>
        <translation>TEXT</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Accept only peers in these networks: CIDR entries separated by commas or spaces (10.0.0.0/8, ::1/128; a bare address is one host). Deny wins.</source>
        <translation>Nur Gegenstellen aus diesen Netzen annehmen: CIDR-Einträge, getrennt durch Kommas oder Leerzeichen (10.0.0.0/8, ::1/128; eine bloße Adresse ist ein Host). Sperren hat Vorrang.</translation>
    </message>
    <message>
        <location line="-108"/>
        <location line="+110"/>
        <location line="+5"/>
        <source>LIST</source>
        <translation>LISTE</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Close peers in these networks at once. An IPv4 peer also counts as ::ffff:a.b.c.d, so ::/0 denies everyone.</source>
        <translation>Gegenstellen aus diesen Netzen sofort schließen. Eine IPv4-Gegenstelle zählt auch als ::ffff:a.b.c.d, ::/0 sperrt also alle.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close connections with no traffic for this many seconds, 0 (off, the default) to %1.</source>
        <translation>Verbindungen ohne Verkehr nach so vielen Sekunden schließen, 0 (aus, Standard) bis %1.</translation>
    </message>
    <message>
        <location line="-112"/>
        <location line="+114"/>
        <location filename="../../app/cli/scriptflags.cpp" line="+4"/>
        <source>SECONDS</source>
        <translation>SEKUNDEN</translation>
    </message>
    <message>
        <location line="-139"/>
        <source>TLS with this certificate chain (PEM, leaf first). Give --tls-key too.</source>
        <translation>TLS mit dieser Zertifikatskette (PEM, Blattzertifikat zuerst). Dazu --tls-key angeben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The TLS private key (PEM or DER). Headless, an encrypted key&apos;s passphrase is read from the SOCKETLAB_TLS_PASSPHRASE environment variable; the window asks for it.</source>
        <translation>Der private TLS-Schlüssel (PEM oder DER). Ohne Fenster wird die Passphrase eines verschlüsselten Schlüssels aus der Umgebungsvariable SOCKETLAB_TLS_PASSPHRASE gelesen; das Fenster fragt danach.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>TLS with a self-signed certificate for localhost, made once and kept in the application&apos;s data folder.</source>
        <translation>TLS mit einem selbstsignierten Zertifikat für localhost, einmal erzeugt und im Datenordner der Anwendung aufbewahrt.</translation>
    </message>
    <message>
        <location line="+142"/>
        <source>Keep the last KIB KiB of each connection&apos;s transcript, 0 to %1 (default %2).</source>
        <translation>Die letzten KIB KiB des Mitschnitts jeder Verbindung behalten, 0 bis %1 (Standard %2).</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../../app/cli/faultflags.cpp" line="+19"/>
        <source>KIB</source>
        <translation>KIB</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Window only: close the open connections when listening stops (a headless run always does).</source>
        <translation>Nur im Fenster: die offenen Verbindungen schließen, wenn das Lauschen endet (ohne Fenster geschieht das immer).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Headless only: write each connection&apos;s transcript to DIR/connection-N.txt when it ends (the last --keep-transcript KiB of it). Without it a headless run keeps no transcript of ended connections.</source>
        <translation>Nur ohne Fenster: den Mitschnitt jeder Verbindung an ihrem Ende nach DIR/connection-N.txt schreiben (die letzten --keep-transcript KiB). Ohne diese Option behält ein Lauf ohne Fenster keine Mitschnitte beendeter Verbindungen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Try &apos;%1 --help&apos; for the options.</source>
        <translation>Die Optionen zeigt &apos;%1 --help&apos;.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Unexpected argument: %1</source>
        <translation>Unerwartetes Argument: %1</translation>
    </message>
    <message>
        <location line="-183"/>
        <location line="+191"/>
        <location filename="../../app/cli/scriptflags.cpp" line="+23"/>
        <location filename="../../app/cli/faultflags.cpp" line="+48"/>
        <source>Give --%1 at most once</source>
        <translation>--%1 höchstens einmal angeben</translation>
    </message>
    <message>
        <location line="-285"/>
        <source>&quot;%1&quot; is not a protocol here; use tcp:// or tls://</source>
        <translation>&quot;%1&quot; ist hier kein Protokoll; verwenden Sie tcp:// oder tls://</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Lowest TLS version accepted: 1.2 (the default) or 1.3.</source>
        <translation>Niedrigste angenommene TLS-Version: 1.2 (Standard) oder 1.3.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>VERSION</source>
        <translation>VERSION</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ask clients for a certificate: none (the default), request, or require (give --tls-ca).</source>
        <translation>Clients nach einem Zertifikat fragen: none (Standard), request oder require (--tls-ca angeben).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CA certificates that client certificates must chain to.</source>
        <translation>CA-Zertifikate, auf die sich Client-Zertifikate zurückführen lassen müssen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Application protocols offered over TLS, in order: &quot;h2,http/1.1&quot;.</source>
        <translation>Über TLS angebotene Anwendungsprotokolle, in Reihenfolge: &quot;h2,http/1.1&quot;.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fail a TLS handshake that has not ended after this many seconds, 1 to %1 (default %2).</source>
        <translation>Einen TLS-Handshake scheitern lassen, der nach so vielen Sekunden nicht beendet ist, 1 bis %1 (Standard %2).</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>For TLS give either --tls-cert and --tls-key, or --tls-self-signed</source>
        <translation>Für TLS entweder --tls-cert und --tls-key oder --tls-self-signed angeben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For TLS give both --tls-cert and --tls-key</source>
        <translation>Für TLS sowohl --tls-cert als auch --tls-key angeben</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bad --tls-min value &quot;%1&quot;: expected 1.2 or 1.3</source>
        <translation>Ungültiger Wert für --tls-min &quot;%1&quot;: erwartet wird 1.2 oder 1.3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bad --tls-client-cert value &quot;%1&quot;: expected none, request or require</source>
        <translation>Ungültiger Wert für --tls-client-cert &quot;%1&quot;: erwartet wird none, request oder require</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--tls-client-cert require needs --tls-ca</source>
        <translation>--tls-client-cert require braucht --tls-ca</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bad --alpn value: give protocol names separated by commas</source>
        <translation>Ungültiger Wert für --alpn: Protokollnamen durch Kommas getrennt angeben</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bad --tls-handshake-timeout value &quot;%1&quot;: expected a whole number from 1 to %2</source>
        <translation>Ungültiger Wert für --tls-handshake-timeout &quot;%1&quot;: erwartet wird eine ganze Zahl von 1 bis %2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Start listening at launch on HOST:PORT (127.0.0.1:9000, [::1]:9000, localhost:0 for any free port). Headless: give it again for more listeners, all with the same behaviour flags; a tcp:// (the default) or tls:// prefix chooses the protocol.</source>
        <translation>Beim Start auf HOST:PORT lauschen (127.0.0.1:9000, [::1]:9000, localhost:0 für einen beliebigen freien Port). Ohne Fenster: für weitere Listener erneut angeben, alle mit denselben Verhaltensoptionen; ein Präfix tcp:// (Standard) oder tls:// wählt das Protokoll.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>[PROTO://]HOST:PORT</source>
        <translation>[PROTO://]HOST:PORT</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Run without a window and print the event log to stdout until SIGINT or SIGTERM. Listens on every --listen, or on 127.0.0.1:9000.</source>
        <translation>Ohne Fenster laufen und das Ereignisprotokoll bis SIGINT oder SIGTERM auf stdout ausgeben. Lauscht auf jedem --listen oder auf 127.0.0.1:9000.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How the server treats connections: hold (read and record, the default), echo, discard, greeting, or close (accept and close at once); forward comes with --forward.</source>
        <translation>Wie der Server Verbindungen behandelt: hold (lesen und aufzeichnen, Standard), echo, discard, greeting oder close (annehmen und sofort schließen); forward ergibt sich aus --forward.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Past this many open connections, close new ones at once, 1 to %1, as the descriptor limit allows (default %2).</source>
        <translation>Ab so vielen offenen Verbindungen neue sofort schließen, 1 bis %1, so viel das Deskriptor-Limit erlaubt (Standard %2).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Answer what clients send: &apos;MATCH=&gt;REPLY&apos;. MATCH is text that must appear (escapes as in --greeting), re:REGEX or hex:BYTES; REPLY takes escapes and \1..\9 from the regex. Give it again for more rules; the first that matches answers.</source>
        <translation>Auf das antworten, was Clients senden: &apos;MUSTER=&gt;ANTWORT&apos;. MUSTER ist Text, der vorkommen muss (Escapes wie bei --greeting), re:REGEX oder hex:BYTES; ANTWORT nimmt Escapes und \1..\9 aus dem Regex. Für weitere Regeln erneut angeben; die erste passende Regel antwortet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>RULE</source>
        <translation>REGEL</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Give --listen at most %1 times</source>
        <translation>--listen höchstens %1-mal angeben</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bad --listen value: %1</source>
        <translation>Ungültiger Wert für --listen: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Bad --listen values: %1 is given twice</source>
        <translation>Ungültige Werte für --listen: %1 ist zweimal angegeben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bad --listen values: %1 and %2 both take port %3</source>
        <translation>Ungültige Werte für --listen: %1 und %2 belegen beide Port %3</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Bad --backlog value &quot;%1&quot;: expected a whole number from 1 to %2</source>
        <translation>Ungültiger Wert für --backlog &quot;%1&quot;: erwartet wird eine ganze Zahl von 1 bis %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Bad --mode value &quot;%1&quot;: expected hold, echo, discard, greeting or close</source>
        <translation>Ungültiger Wert für --mode &quot;%1&quot;: erwartet wird hold, echo, discard, greeting oder close</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Bad --greeting value: longer than %1 characters</source>
        <translation>Ungültiger Wert für --greeting: länger als %1 Zeichen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bad --greeting value: %1</source>
        <translation>Ungültiger Wert für --greeting: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Bad --%1 value: longer than %2 characters</source>
        <translation>Ungültiger Wert für --%1: länger als %2 Zeichen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bad --%1 value: %2</source>
        <translation>Ungültiger Wert für --%1: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Bad --%1 value &quot;%2&quot;: expected a whole number from %3 to %4</source>
        <translation>Ungültiger Wert für --%1 &quot;%2&quot;: erwartet wird eine ganze Zahl von %3 bis %4</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Bad --%1 value &quot;%2&quot;: the descriptor limit (%3) allows at most %4</source>
        <translation>Ungültiger Wert für --%1 &quot;%2&quot;: das Deskriptor-Limit (%3) erlaubt höchstens %4</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Bad --rule %1 &quot;%2&quot;: %3</source>
        <translation>Ungültige Regel %1 für --rule &quot;%2&quot;: %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--close-on-stop is for the window: a headless run always closes its connections when it stops</source>
        <translation>--close-on-stop gilt für das Fenster: Ein Lauf ohne Fenster schließt seine Verbindungen beim Beenden immer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--transcript-dir is for --headless: the window shows transcripts and exports them from the inspector</source>
        <translation>--transcript-dir gilt für --headless: Das Fenster zeigt Mitschnitte und exportiert sie aus dem Inspektor</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>give a folder</source>
        <translation>Ordner angeben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bad --transcript-dir value &quot;%1&quot;: %2</source>
        <translation>Ungültiger Wert für --transcript-dir &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bad --stats-file value: give a file name</source>
        <translation>Ungültiger Wert für --stats-file: Dateinamen angeben</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bad --stats-file value &quot;%1&quot;: that is a folder; give a file name</source>
        <translation>Ungültiger Wert für --stats-file &quot;%1&quot;: Das ist ein Ordner; Dateinamen angeben</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bad --stats-file value &quot;%1&quot;: %2 is not an existing folder</source>
        <translation>Ungültiger Wert für --stats-file &quot;%1&quot;: %2 ist kein vorhandener Ordner</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bad --stats-file value &quot;%1&quot;: cannot write there</source>
        <translation>Ungültiger Wert für --stats-file &quot;%1&quot;: Dort kann nicht geschrieben werden</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Bad --listen value %1: TLS listeners need --tls-cert/--tls-key or --tls-self-signed</source>
        <translation>Ungültiger Wert für --listen %1: TLS-Listener brauchen --tls-cert/--tls-key oder --tls-self-signed</translation>
    </message>
    <message>
        <location filename="../../app/cli/scriptflags.cpp" line="-30"/>
        <source>Headless only: stop once N connections have ended (closed, reset, refused or failed), then exit.</source>
        <translation>Nur ohne Fenster: aufhören, sobald N Verbindungen beendet sind (geschlossen, zurückgesetzt, abgewiesen oder fehlgeschlagen), dann beenden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Headless only: stop after SECONDS (up to three decimals), then exit.</source>
        <translation>Nur ohne Fenster: nach SEKUNDEN aufhören (bis zu drei Nachkommastellen), dann beenden.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Headless only: how the log is printed, text (the default) or jsonl, one JSON object per line.</source>
        <translation>Nur ohne Fenster: wie das Protokoll ausgegeben wird, text (Standard) oder jsonl, ein JSON-Objekt pro Zeile.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>--%1 is for --headless: the window runs until it is closed</source>
        <translation>--%1 gilt für --headless: Das Fenster läuft, bis es geschlossen wird</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Bad --exit-after value &quot;%1&quot;: expected a whole number from 1 to %2</source>
        <translation>Ungültiger Wert für --exit-after &quot;%1&quot;: erwartet wird eine ganze Zahl von 1 bis %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Bad --duration value &quot;%1&quot;: expected seconds above 0, at most %2</source>
        <translation>Ungültiger Wert für --duration &quot;%1&quot;: erwartet werden Sekunden über 0, höchstens %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Bad --log-format value &quot;%1&quot;: expected text or jsonl</source>
        <translation>Ungültiger Wert für --log-format &quot;%1&quot;: erwartet wird text oder jsonl</translation>
    </message>
    <message>
        <location filename="../../app/cli/profileflag.cpp" line="-5"/>
        <source>Run the set-up saved in FILE (File &gt; Save profile...): its listeners, modes, greetings, access lists, rules and TLS. Flags given with it override it; with --listen, those listeners take the profile&apos;s behaviour.</source>
        <translation>Die in DATEI gespeicherte Einrichtung ausführen (Datei &gt; Profil speichern...): ihre Listener, Modi, Begrüßungen, Zugriffslisten, Regeln und TLS. Zusätzlich angegebene Optionen haben Vorrang; mit --listen übernehmen diese Listener das Verhalten des Profils.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>--profile may be given once</source>
        <translation>--profile darf nur einmal angegeben werden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bad --profile: %1</source>
        <translation>Ungültiger Wert für --profile: %1</translation>
    </message>
    <message>
        <location filename="../../app/cli/faultflags.cpp" line="-55"/>
        <source>Fault: delay every write by MS milliseconds, give or take JITTER.</source>
        <translation>Störung: jeden Schreibvorgang um MS Millisekunden verzögern, plus/minus JITTER.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MS[:JITTER]</source>
        <translation>MS[:JITTER]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fault: cap each connection at KIB KiB/s in each direction.</source>
        <translation>Störung: jede Verbindung in jeder Richtung auf KIB KiB/s begrenzen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fault: write in pieces of BYTES bytes, MS milliseconds apart.</source>
        <translation>Störung: in Stücken zu BYTES Bytes schreiben, im Abstand von MS Millisekunden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>BYTES:MS</source>
        <translation>BYTES:MS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fault: read nothing, so the peer&apos;s sends block once the windows fill.</source>
        <translation>Störung: nichts lesen, sodass das Senden der Gegenstelle blockiert, sobald die Fenster voll sind.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fault: reset (RST) each connection after BYTES bytes received, or after MS milliseconds (500ms).</source>
        <translation>Störung: jede Verbindung nach BYTES empfangenen Bytes oder nach MS Millisekunden (500ms) zurücksetzen (RST).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>BYTES|MSms</source>
        <translation>BYTES|MSms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fault: close (FIN) each connection after BYTES bytes sent or received.</source>
        <translation>Störung: jede Verbindung nach BYTES gesendeten oder empfangenen Bytes schließen (FIN).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>BYTES</source>
        <translation>BYTES</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fault: reset (RST) every new connection at once.</source>
        <translation>Störung: jede neue Verbindung sofort zurücksetzen (RST).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fault: wait MS milliseconds before the server&apos;s FIN.</source>
        <translation>Störung: vor dem FIN des Servers MS Millisekunden warten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MS</source>
        <translation>MS</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Bad --%1 value &quot;%2&quot;: %3</source>
        <translation>Ungültiger Wert für --%1 &quot;%2&quot;: %3</translation>
    </message>
    <message>
        <location filename="../../app/cli/forwardflag.cpp" line="+10"/>
        <source>Forward mode: relay each connection to its own connection to HOST:PORT (127.0.0.1:8080, [::1]:8080, a host name), both ways.</source>
        <translation>Modus Weiterleiten: jede Verbindung über eine eigene Verbindung zu HOST:PORT weiterleiten (127.0.0.1:8080, [::1]:8080, ein Hostname), in beide Richtungen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>HOST:PORT</source>
        <translation>HOST:PORT</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--mode forward needs --forward HOST:PORT</source>
        <translation>--mode forward braucht --forward HOST:PORT</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give --forward at most once</source>
        <translation>--forward höchstens einmal angeben</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Bad --forward value &quot;%1&quot;: %2</source>
        <translation>Ungültiger Wert für --forward &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--forward relays every connection: it cannot go with --mode %1</source>
        <translation>--forward leitet jede Verbindung weiter und passt daher nicht zu --mode %1</translation>
    </message>
</context>
<context>
    <name>Connection</name>
    <message>
        <location filename="../../app/net/connection.cpp" line="+88"/>
        <source>reset after %1 ms</source>
        <translation>Reset nach %1 ms</translation>
    </message>
    <message>
        <location line="+220"/>
        <source>Could not shut down the sending side</source>
        <translation>Die Senderichtung konnte nicht geschlossen werden</translation>
    </message>
    <message>
        <location line="+164"/>
        <source>Connection reset by peer</source>
        <translation>Verbindung von der Gegenstelle zurückgesetzt</translation>
    </message>
    <message>
        <location filename="../../app/net/connectionfaults.cpp" line="+41"/>
        <source>reset after %1 bytes</source>
        <translation>Reset nach %1 Bytes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>close after %1 bytes received</source>
        <translation>Schließen nach %1 empfangenen Bytes</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>close after %1 bytes sent</source>
        <translation>Schließen nach %1 gesendeten Bytes</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>slow close: FIN in %1 ms</source>
        <translation>verzögertes Schließen: FIN in %1 ms</translation>
    </message>
</context>
<context>
    <name>ConnectionInspector</name>
    <message>
        <location filename="../../ui/connectioninspector.ui" line="+13"/>
        <location filename="../../ui/connectioninspector.cpp" line="+110"/>
        <source>Select a connection to see what it sent and answer it.</source>
        <translation>Verbindung wählen, um Daten zu sehen und zu antworten.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes</source>
        <translation>Bytes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Faults</source>
        <translation>Störungen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The faults injected into this connection now</source>
        <translation>Die Störungen, die derzeit in diese Verbindung injiziert werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Upstream</source>
        <translation>Upstream</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Forward mode: this connection&apos;s own connection to the upstream</source>
        <translation>Modus Weiterleiten: die eigene Verbindung zum Upstream, die zu dieser Verbindung gehört</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&lt;b&gt;TLS&lt;/b&gt;</source>
        <translation>&lt;b&gt;TLS&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The TLS session of this connection; the byte counts above are the decrypted application bytes</source>
        <translation>Die TLS-Sitzung dieser Verbindung; die Byte-Zahlen oben sind die entschlüsselten Anwendungsbytes</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Handshake</source>
        <translation>Handshake</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cipher</source>
        <translation>Cipher-Suite</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SNI</source>
        <translation>SNI</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ALPN</source>
        <translation>ALPN</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On the wire</source>
        <translation>Auf der Leitung</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;b&gt;Kernel (TCP_INFO)&lt;/b&gt;</source>
        <translation>&lt;b&gt;Kernel (TCP_INFO)&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the kernel knows about this connection, read about once a second</source>
        <translation>Was der Kernel über diese Verbindung weiß, etwa einmal pro Sekunde gelesen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>TCP state</source>
        <translation>TCP-Zustand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RTT</source>
        <translation>RTT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Window</source>
        <translation>Fenster</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retransmits</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kernel bytes</source>
        <translation>Kernel-Bytes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last data</source>
        <translation>Letzte Daten</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Close (FIN)</source>
        <translation>Schließen (FIN)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send what is pending, then FIN: the peer reads EOF</source>
        <translation>Ausstehendes senden, dann FIN: Die Gegenstelle liest EOF</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Half-close</source>
        <translation>Halb schließen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shut down the sending side only: the peer reads EOF and can still send</source>
        <translation>Nur die Senderichtung schließen: Die Gegenstelle liest EOF und kann weiter senden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reset (RST)</source>
        <translation>Reset (RST)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Abortive close: the peer gets &quot;connection reset&quot;</source>
        <translation>Abbrechendes Schließen: Die Gegenstelle erhält „connection reset“</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&lt;b&gt;Transcript&lt;/b&gt;</source>
        <translation>&lt;b&gt;Mitschnitt&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hex dump</source>
        <translation>Hex-Dump</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show \r \n</source>
        <translation>\r \n zeigen</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>&amp;Keep</source>
        <translation>&amp;Behalten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> KiB</source>
        <translation> KiB</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The most recent bytes kept per connection; counters stay exact</source>
        <translation>Die jüngsten Bytes, die je Verbindung behalten werden; die Zähler bleiben genau</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren…</translation>
    </message>
    <message>
        <location filename="../../ui/connectioninspector.cpp" line="-56"/>
        <source>Export &amp;transcript…</source>
        <translation>&amp;Mitschrift exportieren…</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Connection #%1: %2 → %3</source>
        <translation>Verbindung #%1: %2 → %3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1, reads stalled by a fault</source>
        <translation>%1, Lesen durch eine Störung angehalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, for %2; last activity %3</source>
        <translation>%1, Dauer %2; letzte Aktivität %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 received (%L2 bytes), %3 sent (%L4 bytes)</source>
        <translation>%1 empfangen (%L2 Bytes), %3 gesendet (%L4 Bytes)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Completed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not completed: the connection ended first</source>
        <translation>Nicht abgeschlossen: Die Verbindung endete vorher</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In progress…</source>
        <translation>Läuft…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>None presented</source>
        <translation>Keines vorgelegt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 received, %2 sent (application bytes: %3 received, %4 sent)</source>
        <translation>%1 empfangen, %2 gesendet (Anwendungsbytes: %3 empfangen, %4 gesendet)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Not available on this platform</source>
        <translation>Auf dieser Plattform nicht verfügbar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The connection ended before the kernel was asked</source>
        <translation>Die Verbindung endete, bevor der Kernel gefragt wurde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for the kernel&apos;s figures…</source>
        <translation>Warte auf die Werte des Kernels…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>As last read while the connection was open</source>
        <translation>Zuletzt gelesen, als die Verbindung offen war</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1, varies by %2</source>
        <translation>%1, schwankt um %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cwnd %1 segments, %2 unacknowledged</source>
        <translation>cwnd %1 Segmente, %2 unbestätigt</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%1 in all, %n timeout(s) in a row now</source>
        <translation>
            <numerusform>%1 insgesamt, jetzt %n Timeout in Folge</numerusform>
            <numerusform>%1 insgesamt, jetzt %n Timeouts in Folge</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 acknowledged by the peer, %2 received</source>
        <translation>%1 von der Gegenstelle bestätigt, %2 empfangen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>nothing sent yet</source>
        <translation>noch nichts gesendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sent %1 ago</source>
        <translation>gesendet vor %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nothing received yet</source>
        <translation>noch nichts empfangen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>received %1 ago</source>
        <translation>empfangen vor %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, %2</source>
        <comment>last data sent, received</comment>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>This connection&apos;s transcript is no longer kept.</source>
        <translation>Der Mitschnitt dieser Verbindung wird nicht mehr behalten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discard mode: bytes are counted, not kept.</source>
        <translation>Modus Verwerfen: Bytes werden gezählt, nicht behalten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing received or sent yet.</source>
        <translation>Noch nichts empfangen oder gesendet.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%L1 earlier bytes not kept (the last %2 are)</source>
        <translation>%L1 frühere Bytes nicht behalten (die letzten %2 schon)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Raw bytes received (*.bin)</source>
        <translation>Empfangene Rohbytes (*.bin)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raw bytes sent (*.bin)</source>
        <translation>Gesendete Rohbytes (*.bin)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text listing (*.txt)</source>
        <translation>Textauflistung (*.txt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hex listing (*.txt)</source>
        <translation>Hex-Auflistung (*.txt)</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+13"/>
        <source>Export transcript</source>
        <translation>Mitschnitt exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>ConnectionState</name>
    <message>
        <location filename="../../app/model/connectioninfo.cpp" line="+26"/>
        <source>Half-closed</source>
        <translation>Halb geschlossen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Peer closed</source>
        <translation>Gegenstelle geschlossen</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Open</source>
        <comment>connection state</comment>
        <translation>Offen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closing</source>
        <comment>connection state</comment>
        <translation>Wird geschlossen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Closed</source>
        <comment>connection state</comment>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset by peer</source>
        <translation>Von Gegenstelle zurückgesetzt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset by server</source>
        <translation>Vom Server zurückgesetzt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS failed</source>
        <translation>TLS fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>ConnectionTableModel</name>
    <message>
        <location filename="../../ui/connectiontablemodel.cpp" line="+56"/>
        <source>TCP state</source>
        <translation>TCP-Zustand</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The kernel&apos;s TCP state (TCP_INFO), as ss shows it</source>
        <translation>Der TCP-Zustand im Kernel (TCP_INFO), wie ss ihn zeigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RTT</source>
        <translation>RTT</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Smoothed round-trip time the kernel measured</source>
        <translation>Geglättete Umlaufzeit, die der Kernel gemessen hat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RTT var</source>
        <translation>RTT-Varianz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>How much the round-trip time varies</source>
        <translation>Wie stark die Umlaufzeit schwankt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cwnd</source>
        <translation>cwnd</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Congestion window: segments the kernel may have in flight</source>
        <translation>Überlastfenster: Segmente, die der Kernel unterwegs haben darf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retransmits</source>
        <translation>Wiederholungen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Segments retransmitted over the connection&apos;s life</source>
        <translation>Während der Verbindung erneut gesendete Segmente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes acked</source>
        <translation>Bytes bestätigt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bytes sent that the peer acknowledged</source>
        <translation>Gesendete Bytes, die die Gegenstelle bestätigt hat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kernel received</source>
        <translation>Kernel empfangen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Payload bytes the kernel received, read by the server or not</source>
        <translation>Nutzdaten-Bytes, die der Kernel empfangen hat, vom Server gelesen oder nicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unacked</source>
        <translation>Unbestätigt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Segments sent and not yet acknowledged</source>
        <translation>Gesendete, noch nicht bestätigte Segmente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Since last send</source>
        <translation>Seit Senden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time since the kernel last sent data</source>
        <translation>Zeit, seit der Kernel zuletzt Daten gesendet hat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Since last receive</source>
        <translation>Seit Empfang</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time since the kernel last received data</source>
        <translation>Zeit, seit der Kernel zuletzt Daten empfangen hat</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Listener #%1</source>
        <translation>Listener #%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Upstream %1: %2</source>
        <translation>Upstream %1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n byte(s) received</source>
        <translation>
            <numerusform>%n Byte empfangen</numerusform>
            <numerusform>%n Bytes empfangen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n byte(s) sent</source>
        <translation>
            <numerusform>%n Byte gesendet</numerusform>
            <numerusform>%n Bytes gesendet</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close this connection gracefully (FIN)</source>
        <translation>Diese Verbindung geordnet schließen (FIN)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Injected faults: %1</source>
        <translation>Injizierte Störungen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The stall-reads fault keeps the server from reading: the peer&apos;s sends block once the windows fill</source>
        <translation>Die Störung „Lesen anhalten“ hält den Server vom Lesen ab: Das Senden der Gegenstelle blockiert, sobald die Fenster voll sind</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>#%1</source>
        <comment>a listener&apos;s number</comment>
        <translation>#%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (stalled)</source>
        <comment>reads stalled by a fault</comment>
        <translation>%1 (angehalten)</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>Upstream</source>
        <translation>Upstream</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The faults injected into the connection: latency, bandwidth, slicing, stalled reads, reset or close after, slow close</source>
        <translation>Die in die Verbindung injizierten Störungen: Latenz, Bandbreite, Stückelung, Lesen anhalten, Reset oder Schließen nach, verzögertes Schließen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forward mode: the connection to the upstream, connecting, connected, or how it ended</source>
        <translation>Modus Weiterleiten: die Verbindung zum Upstream, im Aufbau, verbunden oder wie sie endete</translation>
    </message>
    <message>
        <location filename="../../ui/connectioncolumns.cpp" line="+87"/>
        <location filename="../../ui/connectiontablemodel.cpp" line="-123"/>
        <source>Close</source>
        <comment>verb: close the connection</comment>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../ui/connectiontablemodel.cpp" line="+50"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%L1 µs, varying by %L2 µs</source>
        <translation>%L1 µs, schwankt um %L2 µs</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln segment(s) retransmitted in all</source>
        <translation>
            <numerusform>%Ln Segment insgesamt erneut gesendet</numerusform>
            <numerusform>%Ln Segmente insgesamt erneut gesendet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln timeout(s) in a row now</source>
        <translation>
            <numerusform>jetzt %Ln Timeout in Folge</numerusform>
            <numerusform>jetzt %Ln Timeouts in Folge</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%L1 bytes acknowledged by the peer</source>
        <translation>%L1 Bytes von der Gegenstelle bestätigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%L1 bytes received by the kernel</source>
        <translation>%L1 Bytes vom Kernel empfangen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peer</source>
        <translation>Gegenstelle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Local</source>
        <translation>Lokal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listener</source>
        <translation>Listener</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last activity</source>
        <translation>Letzte Aktivität</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Faults</source>
        <translation>Störungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Connection number, in the order accepted</source>
        <translation>Nummer der Verbindung, in der Reihenfolge der Annahme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The client&apos;s address and port</source>
        <translation>Adresse und Port des Clients</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This server&apos;s address and port for the connection</source>
        <translation>Adresse und Port dieses Servers für die Verbindung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The listener that accepted the connection</source>
        <translation>Der Listener, der die Verbindung angenommen hat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open, Closing, or how it ended</source>
        <translation>Offen, Wird geschlossen oder wie sie endete</translation>
    </message>
    <message>
        <location filename="../../ui/tlscolumns.cpp" line="+30"/>
        <location line="+62"/>
        <source>handshaking…</source>
        <comment>TLS version cell during the handshake</comment>
        <translation>im Handshake…</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>TLS failed: %1</source>
        <translation>TLS fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No application protocol negotiated</source>
        <translation>Kein Anwendungsprotokoll ausgehandelt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The client sent no server name</source>
        <translation>Der Client hat keinen Servernamen gesendet</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>TLS version</source>
        <translation>TLS-Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cipher</source>
        <translation>Cipher-Suite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SNI</source>
        <translation>SNI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ALPN</source>
        <translation>ALPN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The TLS protocol version the handshake agreed on</source>
        <translation>Die TLS-Protokollversion, auf die sich der Handshake geeinigt hat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The cipher suite the handshake agreed on</source>
        <translation>Die Cipher-Suite, auf die sich der Handshake geeinigt hat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server name the client asked for (SNI)</source>
        <translation>Der Servername, den der Client angefragt hat (SNI)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The application protocol negotiated (ALPN)</source>
        <translation>Das ausgehandelte Anwendungsprotokoll (ALPN)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The subject of the certificate the client presented</source>
        <translation>Der Inhaber (Subject) des Zertifikats, das der Client vorgelegt hat</translation>
    </message>
</context>
<context>
    <name>ConnectionsView</name>
    <message>
        <location filename="../../ui/connectionsview.ui" line="+19"/>
        <source>&lt;b&gt;Connections&lt;/b&gt;</source>
        <translation>&lt;b&gt;Verbindungen&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Filter…</source>
        <translation>Filter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only the connections whose number (#12), peer or state contains this text; Enter applies it at once</source>
        <translation>Nur Verbindungen zeigen, deren Nummer (#12), Gegenstelle oder Zustand diesen Text enthält; die Eingabetaste wendet ihn sofort an</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show only the connections one listener accepted</source>
        <translation>Nur die Verbindungen zeigen, die ein bestimmter Listener angenommen hat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All listeners</source>
        <translation>Alle Listener</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Keep closed</source>
        <translation>Beendete &amp;behalten</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>How many closed connections the table keeps; older ones are dropped</source>
        <translation>Wie viele beendete Verbindungen die Tabelle behält; ältere fallen weg</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Close selected</source>
        <translation>Auswahl schließen</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../ui/connectionsview.cpp" line="+116"/>
        <source>Close &amp;all</source>
        <translation>&amp;Alle schließen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Clear closed</source>
        <translation>Beendete &amp;entfernen</translation>
    </message>
    <message>
        <location filename="../../ui/connectionsview.cpp" line="-44"/>
        <source>Connections table</source>
        <translation>Verbindungstabelle</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&amp;Close (FIN)</source>
        <translation>&amp;Schließen (FIN)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close the selected connections gracefully: the peer reads EOF</source>
        <translation>Die ausgewählten Verbindungen geordnet schließen: Die Gegenstelle liest EOF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Half-close</source>
        <translation>&amp;Halb schließen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shut the sending side only: the peer reads EOF and can still send</source>
        <translation>Nur die Senderichtung schließen: Die Gegenstelle liest EOF und kann weiter senden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reset (RST)</source>
        <translation>&amp;Reset (RST)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Abortive close: the peer gets &quot;connection reset&quot;</source>
        <translation>Abbrechendes Schließen: Die Gegenstelle erhält „connection reset“</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fa&amp;ults…</source>
        <translation>Stör&amp;ungen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Switch faults on or off for the selected connections, now</source>
        <translation>Störungen für die ausgewählten Verbindungen sofort ein- oder ausschalten</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Close every open connection gracefully</source>
        <translation>Jede offene Verbindung geordnet schließen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;lear closed</source>
        <translation>Beendete &amp;entfernen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove finished connections from the table</source>
        <translation>Beendete Verbindungen aus der Tabelle entfernen</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&amp;Filter connections</source>
        <translation>Verbindungen &amp;filtern</translation>
    </message>
    <message>
        <location line="+231"/>
        <source>Showing %L1 of %L2</source>
        <translation>%L1 von %L2 gezeigt</translation>
    </message>
</context>
<context>
    <name>DisplayFormat</name>
    <message>
        <location filename="../../ui/displayformat.cpp" line="+10"/>
        <source>KiB</source>
        <translation>KiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MiB</source>
        <translation>MiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GiB</source>
        <translation>GiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TiB</source>
        <translation>TiB</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
</context>
<context>
    <name>Endpoint</name>
    <message>
        <location filename="../../app/text/endpoint.cpp" line="+65"/>
        <source>Enter an address to bind to, such as 127.0.0.1</source>
        <translation>Geben Sie eine Adresse zum Binden ein, etwa 127.0.0.1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;%1&quot; is not an IP address; enter one such as 127.0.0.1 or ::1</source>
        <translation>„%1“ ist keine IP-Adresse; geben Sie eine wie 127.0.0.1 oder ::1 ein</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; is an IPv4-mapped IPv6 address, which cannot be listened on; use %2</source>
        <translation>„%1“ ist eine IPv4-gemappte IPv6-Adresse, auf der nicht gelauscht werden kann; verwenden Sie %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Enter a port from 0 to 65535 (0 lets the system choose)</source>
        <translation>Geben Sie einen Port von 0 bis 65535 ein (bei 0 wählt das System)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The port must be a whole number from 0 to 65535, not &quot;%1&quot;</source>
        <translation>Der Port muss eine ganze Zahl von 0 bis 65535 sein, nicht „%1“</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The port must be from 0 to 65535, not %1</source>
        <translation>Der Port muss zwischen 0 und 65535 liegen, nicht %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Expected HOST:PORT, such as 127.0.0.1:9000</source>
        <translation>Erwartet wird HOST:PORT, etwa 127.0.0.1:9000</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Expected [IPv6]:PORT, such as [::1]:9000, not &quot;%1&quot;</source>
        <translation>Erwartet wird [IPv6]:PORT, etwa [::1]:9000, nicht „%1“</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Brackets are for IPv6 addresses; write %1:%2 instead</source>
        <translation>Eckige Klammern sind für IPv6-Adressen; schreiben Sie stattdessen %1:%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Write an IPv6 address in brackets, such as [::1]:9000, not &quot;%1&quot;</source>
        <translation>Schreiben Sie eine IPv6-Adresse in eckigen Klammern, etwa [::1]:9000, nicht „%1“</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>unknown peer</source>
        <translation>unbekannte Gegenstelle</translation>
    </message>
</context>
<context>
    <name>Faults</name>
    <message>
        <location filename="../../app/model/faultplan.cpp" line="+48"/>
        <source>latency %1±%2 ms</source>
        <translation>Latenz %1±%2 ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>latency %1 ms</source>
        <translation>Latenz %1 ms</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>bandwidth %1 KiB/s</source>
        <translation>Bandbreite %1 KiB/s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>slice %1 B/%2 ms</source>
        <translation>Stückelung %1 B/%2 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stall reads</source>
        <translation>Lesen anhalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reset after %1 B</source>
        <translation>Reset nach %1 B</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reset after %1 ms</source>
        <translation>Reset nach %1 ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>close after %1 B</source>
        <translation>Schließen nach %1 B</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>accept then reset</source>
        <translation>Reset beim Annehmen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>slow close %1 ms</source>
        <translation>verzögertes Schließen %1 ms</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>&quot;%1&quot; is not a fault</source>
        <translation>„%1“ ist keine Störung</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>expected MS or MS:JITTER, whole milliseconds up to %1</source>
        <translation>erwartet wird MS oder MS:JITTER, ganze Millisekunden bis %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>expected KiB per second, a whole number from 1 to %1</source>
        <translation>erwartet werden KiB pro Sekunde, eine ganze Zahl von 1 bis %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>expected BYTES:MS, 1 to %1 bytes and up to %2 ms</source>
        <translation>erwartet wird BYTES:MS, 1 bis %1 Bytes und bis zu %2 ms</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>expected BYTES or MSms, 1 to %1 ms</source>
        <translation>erwartet wird BYTES oder MSms, 1 bis %1 ms</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expected BYTES (1 or more) or MSms, as 1000 or 500ms</source>
        <translation>erwartet wird BYTES (1 oder mehr) oder MSms, etwa 1000 oder 500ms</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>expected BYTES, a whole number of 1 or more</source>
        <translation>erwartet wird BYTES, eine ganze Zahl ab 1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>expected MS, a whole number from 1 to %1</source>
        <translation>erwartet wird MS, eine ganze Zahl von 1 bis %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unknown fault</source>
        <translation>unbekannte Störung</translation>
    </message>
</context>
<context>
    <name>FaultsDialog</name>
    <message>
        <location filename="../../ui/faultsdialog.cpp" line="+20"/>
        <source>Faults for new connections</source>
        <translation>Störungen für neue Verbindungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Faults for the selected connections</source>
        <translation>Störungen für die ausgewählten Verbindungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Injected into every connection this listener accepts from now on.</source>
        <translation>Werden ab jetzt in jede Verbindung injiziert, die dieser Listener annimmt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Switched on now for the selected open connections, replacing their faults; the byte counts and the reset timer start again.</source>
        <translation>Werden sofort für die ausgewählten offenen Verbindungen eingeschaltet und ersetzen deren Störungen; Byte-Zähler und Reset-Timer beginnen von vorn.</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+1"/>
        <location line="+7"/>
        <location line="+7"/>
        <location line="+10"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Every write waits this long before it goes out</source>
        <translation>Jeder Schreibvorgang wartet so lange, bevor er hinausgeht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each write&apos;s delay varies by up to this much either way</source>
        <translation>Die Verzögerung jedes Schreibvorgangs schwankt um bis zu so viel nach oben oder unten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Latency</source>
        <translation>&amp;Latenz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>±</source>
        <translation>±</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> KiB/s</source>
        <translation> KiB/s</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Each connection moves at most this much a second, in each direction</source>
        <translation>Jede Verbindung überträgt höchstens so viel pro Sekunde, in jede Richtung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Bandwidth</source>
        <translation>&amp;Bandbreite</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <location line="+4"/>
        <source> B</source>
        <translation> B</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Writes go out in pieces of this many bytes: breaks clients that take one read for one message</source>
        <translation>Geschriebenes geht in Stücken von so vielen Bytes hinaus: Clients, die einen Lesevorgang für eine ganze Nachricht halten, scheitern daran</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The wait between two pieces</source>
        <translation>Die Wartezeit zwischen zwei Stücken</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Slicer</source>
        <translation>&amp;Stückelung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>every</source>
        <translation>alle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop reading: the peer&apos;s sends block once the windows fill</source>
        <translation>Nicht mehr lesen: Das Senden der Gegenstelle blockiert, sobald die Fenster voll sind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;tall reads</source>
        <translation>Lesen an&amp;halten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset (RST) once this many bytes have arrived</source>
        <translation>Reset (RST), sobald so viele Bytes angekommen sind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset (RST) this long after the fault is applied</source>
        <translation>Reset (RST) so lange nach dem Setzen der Störung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reset after</source>
        <translation>&amp;Reset nach</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>or</source>
        <translation>oder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close (FIN) once this many bytes went either way</source>
        <translation>Schließen (FIN), sobald in einer Richtung so viele Bytes geflossen sind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close after</source>
        <translation>S&amp;chließen nach</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset (RST) every new connection at once</source>
        <translation>Jede neue Verbindung sofort zurücksetzen (RST)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Accept then reset</source>
        <translation>Reset beim &amp;Annehmen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server&apos;s FIN waits this long</source>
        <translation>Das FIN des Servers wartet so lange</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Slow cl&amp;ose</source>
        <translation>&amp;Verzögertes Schließen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;None</source>
        <translation>&amp;Keine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Switch every fault off</source>
        <translation>Alle Störungen ausschalten</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
</context>
<context>
    <name>FingerprintBadge</name>
    <message>
        <location filename="../../ui/fingerprintbadge.cpp" line="+23"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the certificate&apos;s SHA-256 fingerprint</source>
        <translation>Den SHA-256-Fingerabdruck des Zertifikats kopieren</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>SHA-256 %1</source>
        <translation>SHA-256 %1</translation>
    </message>
</context>
<context>
    <name>ForwardTarget</name>
    <message>
        <location filename="../../app/model/forwardtarget.cpp" line="+54"/>
        <source>Enter the upstream as HOST:PORT, such as 127.0.0.1:8080</source>
        <translation>Geben Sie den Upstream als HOST:PORT ein, etwa 127.0.0.1:8080</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Expected [IPv6]:PORT, such as [::1]:8080, not &quot;%1&quot;</source>
        <translation>Erwartet wird [IPv6]:PORT, etwa [::1]:8080, nicht „%1“</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; in brackets is not an IPv6 address</source>
        <translation>„%1“ in eckigen Klammern ist keine IPv6-Adresse</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Expected HOST:PORT, such as 127.0.0.1:8080, not &quot;%1&quot;</source>
        <translation>Erwartet wird HOST:PORT, etwa 127.0.0.1:8080, nicht „%1“</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write an IPv6 address in brackets, such as [::1]:8080, not &quot;%1&quot;</source>
        <translation>Schreiben Sie eine IPv6-Adresse in eckigen Klammern, etwa [::1]:8080, nicht „%1“</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; is not a host name or an IP address</source>
        <translation>„%1“ ist weder ein Hostname noch eine IP-Adresse</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The upstream port must be from 1 to 65535, not &quot;%1&quot;</source>
        <translation>Der Upstream-Port muss zwischen 1 und 65535 liegen, nicht „%1“</translation>
    </message>
</context>
<context>
    <name>HeadlessRunner</name>
    <message>
        <location filename="../../app/cli/headlessrunner.cpp" line="+59"/>
        <source>Ran for %1 s (--duration), stopping</source>
        <translation>%1 s gelaufen (--duration), wird beendet</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>socketlab: warning: %1</source>
        <translation>socketlab: Warnung: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+56"/>
        <source>socketlab: %1</source>
        <translation>socketlab: %1</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Set SOCKETLAB_TLS_PASSPHRASE to the key&apos;s passphrase.</source>
        <translation>Setzen Sie SOCKETLAB_TLS_PASSPHRASE auf die Passphrase des Schlüssels.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Made a new self-signed certificate for localhost</source>
        <translation>Neues selbstsigniertes Zertifikat für localhost erstellt</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>%n connection(s) ended (--exit-after), stopping</source>
        <translation>
            <numerusform>%n Verbindung beendet (--exit-after), wird beendet</numerusform>
            <numerusform>%n Verbindungen beendet (--exit-after), wird beendet</numerusform>
        </translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Received signal %1, stopping</source>
        <translation>Signal %1 empfangen, wird beendet</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Connection #%1 from %2, accepted %3, %4

</source>
        <translation>Verbindung #%1 von %2, angenommen %3, %4

</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>socketlab: cannot write %1: %2</source>
        <translation>socketlab: %1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>HexParser</name>
    <message>
        <location filename="../../app/text/hexparser.cpp" line="+105"/>
        <source>Not a hex digit: %1 at position %2</source>
        <translation>Keine Hex-Ziffer: %1 an Position %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No hex digits after &quot;0x&quot; at position %1</source>
        <translation>Keine Hex-Ziffern nach „0x“ an Position %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Incomplete byte: &quot;%1&quot; at position %2 has an odd number of hex digits; each byte needs two</source>
        <translation>Unvollständiges Byte: „%1“ an Position %2 hat eine ungerade Anzahl Hex-Ziffern; jedes Byte braucht zwei</translation>
    </message>
</context>
<context>
    <name>JsonFields</name>
    <message>
        <location filename="../../app/config/jsonfields.cpp" line="+52"/>
        <source>%1 is not a text</source>
        <translation>%1 ist kein Text</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 is not true or false</source>
        <translation>%1 ist weder true noch false</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is not a whole number from %2 to %3</source>
        <translation>%1 ist keine ganze Zahl von %2 bis %3</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>unknown key</source>
        <translation>unbekannter Schlüssel</translation>
    </message>
</context>
<context>
    <name>LifecycleStrip</name>
    <message>
        <location filename="../../ui/lifecyclestrip.cpp" line="+36"/>
        <source>Listening socket life cycle</source>
        <translation>Lebenszyklus des lauschenden Sockets</translation>
    </message>
    <message>
        <location line="+65"/>
        <location line="+197"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="-180"/>
        <location line="+80"/>
        <source>accept() · %1 · paused</source>
        <translation>accept() · %1 · pausiert</translation>
    </message>
    <message>
        <location line="-79"/>
        <location line="+88"/>
        <source>close() · %1</source>
        <translation>close() · %1</translation>
    </message>
    <message>
        <location line="-86"/>
        <location line="+82"/>
        <source>handshake · %1 ok · %2 failed</source>
        <translation>Handshake · %1 ok · %2 fehlgeschlagen</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>socket()</source>
        <translation>socket()</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bind()</source>
        <translation>bind()</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>listen(%1)</source>
        <translation>listen(%1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>listen()</source>
        <translation>listen()</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>accept() %1 paused</source>
        <translation>accept() %1 pausiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>accept() %1</source>
        <translation>accept() %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accept() · %1</source>
        <translation>accept() · %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS %1 ok %2 failed</source>
        <translation>TLS %1 ok %2 Fehler</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>close() %1</source>
        <translation>close() %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1k</source>
        <translation>%1k</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1M</source>
        <translation>%1M</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>listening</source>
        <translation>lauscht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>listening, accepting paused</source>
        <translation>lauscht, Annahme pausiert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>socket(): create the listening socket.</source>
        <translation>socket(): den lauschenden Socket erzeugen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>bind(): give it the address and port.</source>
        <translation>bind(): ihm Adresse und Port zuweisen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>listen(%1): let the kernel complete handshakes and queue up to %1 connections for accept().</source>
        <translation>listen(%1): Der Kernel schließt Handshakes ab und reiht bis zu %1 Verbindungen für accept() ein.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>listen(backlog): let the kernel complete handshakes and queue connections for accept().</source>
        <translation>listen(backlog): Der Kernel schließt Handshakes ab und reiht Verbindungen für accept() ein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>accept(): take the next connection from the queue; %1 accepted.</source>
        <translation>accept(): die nächste Verbindung aus der Warteschlange nehmen; %1 angenommen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paused: new connections wait in the kernel&apos;s queue.</source>
        <translation>Pausiert: Neue Verbindungen warten in der Warteschlange des Kernels.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TLS handshake: client and server agree on a version, a cipher and keys before any application data; %1 completed, %2 failed.</source>
        <translation>TLS-Handshake: Client und Server einigen sich vor allen Anwendungsdaten auf eine Version, eine Cipher-Suite und Schlüssel; %1 abgeschlossen, %2 fehlgeschlagen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>close(): end a connection; %1 closed.</source>
        <translation>close(): eine Verbindung beenden; %1 geschlossen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Failed here: %1</source>
        <translation>Hier fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>The listening socket&apos;s life as the system calls go. Highlighted: where it is now.</source>
        <translation>Das Leben des lauschenden Sockets entlang der Systemaufrufe. Hervorgehoben: wo er gerade steht.</translation>
    </message>
</context>
<context>
    <name>Listener</name>
    <message>
        <location filename="../../app/net/listener.cpp" line="+64"/>
        <source>Not listening on %1: %2</source>
        <translation>Kein Lauschen auf %1: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Could not listen on %1: %2</source>
        <translation>Lauschen auf %1 nicht möglich: %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Socket bound to %1</source>
        <translation>Socket an %1 gebunden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listening with backlog %1</source>
        <translation>Lauscht mit Backlog %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS certificate SHA-256 fingerprint %1</source>
        <translation>SHA-256-Fingerabdruck des TLS-Zertifikats: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bound to all interfaces: other machines can connect</source>
        <translation>An alle Schnittstellen gebunden: Andere Rechner können sich verbinden</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+465"/>
        <source>Waiting for a connection...</source>
        <translation>Warte auf eine Verbindung …</translation>
    </message>
    <message>
        <location line="-448"/>
        <source>Allow list: %1</source>
        <translation>Erlaubt-Liste: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deny list: %1</source>
        <translation>Sperrliste: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Stopped listening on %1</source>
        <translation>Lauschen auf %1 beendet</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n connection(s) left open</source>
        <translation>
            <numerusform>%n Verbindung bleibt offen</numerusform>
            <numerusform>%n Verbindungen bleiben offen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Accepting paused: new connections wait in the kernel&apos;s accept queue (backlog %1)</source>
        <translation>Annahme pausiert: Neue Verbindungen warten in der Accept-Warteschlange des Kernels (Backlog %1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Accepting resumed</source>
        <translation>Annahme fortgesetzt</translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>Idle timeout: %n s</source>
        <translation>
            <numerusform>Leerlauf-Timeout: %n s</numerusform>
            <numerusform>Leerlauf-Timeout: %n s</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Idle timeout: off</source>
        <translation>Leerlauf-Timeout: aus</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Access lists: allow %1; deny %2</source>
        <translation>Zugriffslisten: erlauben %1; sperren %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>everyone</source>
        <translation>alle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nobody</source>
        <translation>niemanden</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Server mode: Forward to %1: new connections are relayed there</source>
        <translation>Servermodus: Weiterleiten an %1: Neue Verbindungen werden dorthin weitergeleitet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Server mode: %1</source>
        <translation>Servermodus: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Faults for new connections: %1</source>
        <translation>Störungen für neue Verbindungen: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Faults for new connections: none</source>
        <translation>Störungen für neue Verbindungen: keine</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Connection #%1: half-close is not available on TLS: TLS 1.3 half-close is not portable</source>
        <translation>Verbindung #%1: Halbes Schließen ist bei TLS nicht verfügbar: Halbes Schließen unter TLS 1.3 ist nicht portabel</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>Faults for %n connection(s): %1</source>
        <translation>
            <numerusform>Störungen für %n Verbindung: %1</numerusform>
            <numerusform>Störungen für %n Verbindungen: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Faults off for %n connection(s)</source>
        <translation>
            <numerusform>Störungen für %n Verbindung ausgeschaltet</numerusform>
            <numerusform>Störungen für %n Verbindungen ausgeschaltet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+26"/>
        <source>Sent %n byte(s)</source>
        <translation>
            <numerusform>%n Byte gesendet</numerusform>
            <numerusform>%n Bytes gesendet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>to %n connection(s)</source>
        <translation>
            <numerusform>an %n Verbindung</numerusform>
            <numerusform>an %n Verbindungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Not sent to %n connection(s): the peer is not reading what was sent before</source>
        <translation>
            <numerusform>Nicht an %n Verbindung gesendet: Die Gegenstelle liest das zuvor Gesendete nicht</numerusform>
            <numerusform>Nicht an %n Verbindungen gesendet: Die Gegenstelle liest das zuvor Gesendete nicht</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Not sent to %n connection(s): the server has shut its sending side (half-closed or closing)</source>
        <translation>
            <numerusform>Nicht an %n Verbindung gesendet: Der Server hat seine Senderichtung geschlossen (halb geschlossen oder im Schließen)</numerusform>
            <numerusform>Nicht an %n Verbindungen gesendet: Der Server hat seine Senderichtung geschlossen (halb geschlossen oder im Schließen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+52"/>
        <source>Closing %n connection(s)</source>
        <translation>
            <numerusform>Schließe %n Verbindung</numerusform>
            <numerusform>Schließe %n Verbindungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Refused %1: %2</source>
        <translation>%1 abgewiesen: %2</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Connection #%1: connected to upstream %2</source>
        <translation>Verbindung #%1: mit Upstream %2 verbunden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connection #%1: %2</source>
        <translation>Verbindung #%1: %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>reset on accept</source>
        <translation>Reset beim Annehmen</translation>
    </message>
    <message>
        <location filename="../../app/net/connectionreport.cpp" line="+67"/>
        <source>idle for %1 s (the timeout is %2 s)</source>
        <translation>seit %1 s untätig (Timeout ist %2 s)</translation>
    </message>
    <message>
        <location filename="../../app/net/listener.cpp" line="-66"/>
        <source>Could not take an accepted connection: %1</source>
        <translation>Eine angenommene Verbindung konnte nicht übernommen werden: %1</translation>
    </message>
    <message>
        <location filename="../../app/net/connectionreport.cpp" line="-25"/>
        <source>Connection #%1 from %2: TLS handshake done, %3, %4</source>
        <translation>Verbindung #%1 von %2: TLS-Handshake abgeschlossen, %3, %4</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/net/listener.cpp" line="+25"/>
        <source>already %n connection(s) open, the maximum</source>
        <translation>
            <numerusform>bereits %n Verbindung offen, das Maximum</numerusform>
            <numerusform>bereits %n Verbindungen offen, das Maximum</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/net/connectionreport.cpp" line="+8"/>
        <source>Connection #%1 from %2 half-closed by the server: the peer reads EOF and can still send</source>
        <translation>Verbindung #%1 von %2 vom Server halb geschlossen: Die Gegenstelle liest EOF und kann weiter senden</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Connection from %1</source>
        <translation>Verbindung von %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Connection #%1 from %2: %3 (fault)</source>
        <translation>Verbindung #%1 von %2: %3 (Störung)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Connection #%1 from %2 closed by the server: %3</source>
        <translation>Verbindung #%1 von %2 vom Server geschlossen: %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Connection #%1 from %2 closed: the server half-closed it first, then the peer closed its side</source>
        <translation>Verbindung #%1 von %2 geschlossen: Erst hat der Server halb geschlossen, dann die Gegenstelle ihre Seite</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Connection #%1 from %2 closed by the server</source>
        <translation>Verbindung #%1 von %2 vom Server geschlossen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connection #%1 from %2 closed by the peer</source>
        <translation>Verbindung #%1 von %2 von der Gegenstelle geschlossen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connection #%1 from %2 reset by the peer</source>
        <translation>Verbindung #%1 von %2 von der Gegenstelle zurückgesetzt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connection #%1 from %2 reset by the server (RST)</source>
        <translation>Verbindung #%1 von %2 vom Server zurückgesetzt (RST)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connection #%1 from %2: TLS failed: %3</source>
        <translation>Verbindung #%1 von %2: TLS fehlgeschlagen: %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connection #%1 from %2 failed: %3</source>
        <translation>Verbindung #%1 von %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <location filename="../../app/model/listenfailure.cpp" line="+18"/>
        <source>Port %1 is already in use on %2</source>
        <translation>Port %1 ist auf %2 bereits belegt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address %1 is not an address of this machine</source>
        <translation>Adresse %1 gehört nicht zu diesem Rechner</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Permission denied to bind port %1 on %2 (ports below 1024 need privileges)</source>
        <translation>Keine Berechtigung, Port %1 auf %2 zu binden (Ports unter 1024 brauchen Privilegien)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This machine does not support %1 (%2)</source>
        <translation>Dieser Rechner unterstützt %1 nicht (%2)</translation>
    </message>
</context>
<context>
    <name>ListenerConfig</name>
    <message>
        <location filename="../../app/model/listenerconfig.cpp" line="+29"/>
        <source>listener %1</source>
        <translation>Listener %1</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>%1 and %2 both use port %3 on %4</source>
        <translation>%1 und %2 verwenden beide Port %3 auf %4</translation>
    </message>
</context>
<context>
    <name>ListenerPanel</name>
    <message>
        <location filename="../../ui/listenerpanel.ui" line="+9"/>
        <source>Listener</source>
        <translation>Listener</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Address</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The address to bind to. 127.0.0.1 accepts connections from this machine only.</source>
        <translation>Die Adresse zum Binden. 127.0.0.1 nimmt nur Verbindungen von diesem Rechner an.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Port</source>
        <translation>P&amp;ort</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>0 to 65535; 0 lets the system choose a free port.</source>
        <translation>0 bis 65535; bei 0 wählt das System einen freien Port.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Backlog</source>
        <translation>&amp;Backlog</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The kernel&apos;s accept queue length, as in listen(N).</source>
        <translation>Die Länge der Accept-Warteschlange des Kernels, wie in listen(N).</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../ui/listenerpanel.cpp" line="+407"/>
        <source>&amp;Start listening</source>
        <translation>&amp;Lauschen starten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>S&amp;top</source>
        <translation>S&amp;toppen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Close open connections when stopping</source>
        <translation>Beim Stoppen offene Verbindungen schließen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Listening on all interfaces: other machines can connect.</source>
        <translation>Lauscht auf allen Schnittstellen: Andere Rechner können sich verbinden.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Mode</source>
        <translation>&amp;Modus</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plain TCP, or TLS with the certificate set under TLS…; applies at the next start.</source>
        <translation>Einfaches TCP oder TLS mit dem unter „TLS…“ eingestellten Zertifikat; gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>T&amp;LS…</source>
        <translation>&amp;TLS…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate, client certificates, ALPN and handshake timeout of this listener</source>
        <translation>Zertifikat, Client-Zertifikate, ALPN und Handshake-Timeout dieses Listeners</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Greeting, e.g. 220 ready\r\n</source>
        <translation>Begrüßung, z. B. 220 ready\r\n</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent to each new connection in Greeting mode. Escapes: \r \n \t \0 \\ \xHH</source>
        <translation>Im Modus Begrüßung an jede neue Verbindung gesendet. Escapes: \r \n \t \0 \\ \xHH</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Forward to</source>
        <translation>Weiterleiten an</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upstream HOST:PORT, e.g. 127.0.0.1:8080</source>
        <translation>Upstream HOST:PORT, z. B. 127.0.0.1:8080</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forward mode relays each connection to its own connection to this upstream, both ways: HOST:PORT, [IPv6]:PORT or a host name.</source>
        <translation>Der Modus Weiterleiten leitet jede Verbindung über eine eigene Verbindung zu diesem Upstream weiter, in beide Richtungen: HOST:PORT, [IPv6]:PORT oder ein Hostname.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Ma&amp;x connections</source>
        <translation>Ma&amp;x. Verbindungen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Past this many open connections, new ones are accepted and closed at once (logged as refused). While accepting is paused they wait in the kernel&apos;s accept queue instead.</source>
        <translation>Ab so vielen offenen Verbindungen werden neue angenommen und sofort geschlossen (als abgewiesen protokolliert). Ist die Annahme pausiert, warten sie stattdessen in der Accept-Warteschlange des Kernels.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Each connection holds a file descriptor, so the process&apos;s descriptor limit (ulimit -n, raised to the hard limit at start) bounds how many can be open. A few are kept back for the listeners and files.</source>
        <translation>Jede Verbindung belegt einen Dateideskriptor, daher begrenzt das Deskriptor-Limit des Prozesses (ulimit -n, beim Start auf das harte Limit angehoben), wie viele offen sein können. Einige bleiben für die Listener und Dateien reserviert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../ui/listenerpanel.cpp" line="+195"/>
        <source>&amp;Rules…</source>
        <translation>&amp;Regeln…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Response rules: what to answer when a client sends something that matches, tried in order</source>
        <translation>Antwortregeln: was geantwortet wird, wenn ein Client etwas Passendes sendet; der Reihe nach geprüft</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fa&amp;ults…</source>
        <translation>Stör&amp;ungen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Faults injected into new connections: latency, bandwidth, slicing, stalled reads, reset or close after, accept then reset, slow close</source>
        <translation>In neue Verbindungen injizierte Störungen: Latenz, Bandbreite, Stückelung, Lesen anhalten, Reset oder Schließen nach, Reset beim Annehmen, verzögertes Schließen</translation>
    </message>
    <message>
        <location line="-136"/>
        <location filename="../../ui/listenerpanel.cpp" line="-192"/>
        <location line="+113"/>
        <source>&amp;Pause accepting</source>
        <translation>Annahme &amp;pausieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>While paused, new connections wait in the kernel&apos;s accept queue, up to the backlog; they are accepted on resume</source>
        <translation>Während der Pause warten neue Verbindungen bis zum Backlog in der Accept-Warteschlange des Kernels; beim Fortsetzen werden sie angenommen</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Allo&amp;w</source>
        <translation>&amp;Erlauben</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Everyone, e.g. 127.0.0.0/8, ::1</source>
        <translation>Alle, z. B. 127.0.0.0/8, ::1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only peers in these networks may connect (CIDR, IPv4 or IPv6, separated by commas or spaces); empty allows everyone. Applied when you press Enter or leave the field.</source>
        <translation>Nur Gegenstellen aus diesen Netzen dürfen sich verbinden (CIDR, IPv4 oder IPv6, getrennt durch Kommas oder Leerzeichen); leer erlaubt alle. Wirksam nach Eingabetaste oder beim Verlassen des Felds.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Deny</source>
        <translation>&amp;Sperren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nobody, e.g. 10.0.0.0/8</source>
        <translation>Niemand, z. B. 10.0.0.0/8</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Peers in these networks are closed at once and logged as refused, even when the allow list has them.</source>
        <translation>Gegenstellen aus diesen Netzen werden sofort geschlossen und als abgewiesen protokolliert, auch wenn die Erlaubt-Liste sie enthält.</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>&amp;Idle timeout</source>
        <translation>Leerlauf-T&amp;imeout</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connections with no traffic in either direction for this long are closed (FIN).</source>
        <translation>Verbindungen ohne Verkehr in beide Richtungen werden nach dieser Zeit geschlossen (FIN).</translation>
    </message>
    <message>
        <location filename="../../ui/listenerpanel.cpp" line="-481"/>
        <source>Start or stop listening</source>
        <translation>Lauschen starten oder stoppen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Pause or resume accepting</source>
        <translation>Annehmen pausieren oder fortsetzen</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>max %L1 by the descriptor limit</source>
        <translation>höchstens %L1 laut Deskriptor-Limit</translation>
    </message>
    <message>
        <location line="+223"/>
        <source>Greeting: %1; not applied</source>
        <translation>Begrüßung: %1; nicht übernommen</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Another listener already uses %1:%2</source>
        <translation>Ein anderer Listener verwendet bereits %1:%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Forward to: %1</source>
        <translation>Weiterleiten an: %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&amp;Stop</source>
        <translation>&amp;Stoppen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Resume accepting</source>
        <translation>Annehmen &amp;fortsetzen</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Listen on all interfaces?</source>
        <translation>Auf allen Schnittstellen lauschen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listening on %1 lets other machines on your networks connect to this server and read whatever it sends.</source>
        <translation>Lauschen auf %1 erlaubt anderen Rechnern in Ihren Netzen, sich mit diesem Server zu verbinden und alles zu lesen, was er sendet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Listen on all interfaces</source>
        <translation>Auf allen Schnittstellen lauschen</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Allow list: %1</source>
        <translation>Erlaubt-Liste: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deny list: %1</source>
        <translation>Sperrliste: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not applied</source>
        <translation>nicht übernommen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>listening is refused until it is corrected</source>
        <translation>Lauschen wird verweigert, bis das korrigiert ist</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Resume &amp;accepting</source>
        <translation>Annahme &amp;fortsetzen</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>&amp;Rules (%1)…</source>
        <translation>&amp;Regeln (%1)…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Faults injected into new connections: %1</source>
        <translation>In neue Verbindungen injizierte Störungen: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Faults injected into new connections: none. Latency, bandwidth, slicing, stalled reads, reset or close after, accept then reset, slow close</source>
        <translation>In neue Verbindungen injizierte Störungen: keine. Latenz, Bandbreite, Stückelung, Lesen anhalten, Reset oder Schließen nach, Reset beim Annehmen, verzögertes Schließen</translation>
    </message>
</context>
<context>
    <name>ListenerSet</name>
    <message>
        <location filename="../../ui/listenerset.cpp" line="+107"/>
        <location line="+19"/>
        <source>Listener %1</source>
        <translation>Listener %1</translation>
    </message>
    <message>
        <location line="+129"/>
        <source>listening on all interfaces needs a confirmation: start it from the form</source>
        <translation>Lauschen auf allen Schnittstellen muss bestätigt werden: Starten Sie ihn über das Formular</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>another listener already uses %1:%2</source>
        <translation>ein anderer Listener verwendet bereits %1:%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+67"/>
        <source>Listener %1 not started: %2</source>
        <translation>Listener %1 nicht gestartet: %2</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>The key of listener %1 is encrypted.
Passphrase:</source>
        <translation>Der Schlüssel von Listener %1 ist verschlüsselt.
Passphrase:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1.
Passphrase:</source>
        <translation>%1.
Passphrase:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key passphrase</source>
        <translation>Passphrase des Schlüssels</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no passphrase was given for the key</source>
        <translation>für den Schlüssel wurde keine Passphrase angegeben</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Listener %1: %2</source>
        <translation>Listener %1: %2</translation>
    </message>
</context>
<context>
    <name>ListenerStatus</name>
    <message>
        <location filename="../../app/model/listenerstatus.cpp" line="+11"/>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Listening (paused: %3) on %1, backlog %2</source>
        <translation>Lauscht (pausiert: %3) auf %1, Backlog %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Listening (paused) on %1, backlog %2</source>
        <translation>Lauscht (pausiert) auf %1, Backlog %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Listening on %1, backlog %2</source>
        <translation>Lauscht auf %1, Backlog %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
</context>
<context>
    <name>ListenerSummary</name>
    <message numerus="yes">
        <location filename="../../app/model/listenersummary.cpp" line="+28"/>
        <source>%n listening</source>
        <translation>
            <numerusform>%n lauscht</numerusform>
            <numerusform>%n lauschen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n stopped</source>
        <translation>
            <numerusform>%n gestoppt</numerusform>
            <numerusform>%n gestoppt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>ListenerTableModel</name>
    <message>
        <location filename="../../ui/listenertablemodel.cpp" line="+41"/>
        <source>Listener</source>
        <translation>Listener</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backlog</source>
        <translation>Backlog</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Listening</source>
        <translation>Lauscht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stopped</source>
        <translation>Gestoppt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stop</source>
        <translation>Stoppen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
</context>
<context>
    <name>ListenerViews</name>
    <message>
        <location filename="../../ui/listenerviews.cpp" line="+29"/>
        <source>What the lifecycle strip, the accept-queue gauge and the chart show: the listener the form edits, or every listener as one</source>
        <translation>Was Lebenszyklus, Accept-Warteschlange und Diagramm zeigen: den Listener, den das Formular bearbeitet, oder alle Listener zusammen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All listeners</source>
        <translation>Alle Listener</translation>
    </message>
</context>
<context>
    <name>ListenersView</name>
    <message>
        <location filename="../../ui/listenersview.cpp" line="+19"/>
        <source>A&amp;dd</source>
        <translation>Hin&amp;zufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;uplicate</source>
        <translation>D&amp;uplizieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;move</source>
        <translation>Entfe&amp;rnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a&amp;ll</source>
        <translation>Alle s&amp;tarten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop al&amp;l</source>
        <translation>Alle stoppe&amp;n</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Listeners</source>
        <translation>Listener</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>A new listener on the next free port, stopped</source>
        <translation>Ein neuer Listener auf dem nächsten freien Port, gestoppt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A copy of the selected listener on the next free port</source>
        <translation>Eine Kopie des ausgewählten Listeners auf dem nächsten freien Port</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop the selected listener, close its connections and remove it</source>
        <translation>Den ausgewählten Listener stoppen, seine Verbindungen schließen und ihn entfernen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&lt;b&gt;Listeners&lt;/b&gt;</source>
        <translation>&lt;b&gt;Listener&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>LogLevel</name>
    <message>
        <location filename="../../app/model/logentry.cpp" line="+54"/>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>MainMenuBar</name>
    <message>
        <location filename="../../ui/mainmenubar.cpp" line="+43"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Listener</source>
        <translation>&amp;Listener</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Columns</source>
        <translation>&amp;Spalten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;User guide</source>
        <translation>&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;About Socket Lab</source>
        <translation>&amp;Über Socket Lab</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>User guide</source>
        <translation>Benutzerhandbuch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The user guide was not found. Looked for:
%1</source>
        <translation>Das Benutzerhandbuch wurde nicht gefunden. Gesucht wurde:
%1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>About Socket Lab</source>
        <translation>Über Socket Lab</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;h3&gt;Socket Lab %1&lt;/h3&gt;&lt;p&gt;A TCP server lab: listen, watch and close connections live.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (running on Qt %3).&lt;/p&gt;&lt;p&gt;Licensed under the GNU General Public License, version 3 or later (GPL-3.0-or-later).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Socket Lab %1&lt;/h3&gt;&lt;p&gt;Ein TCP-Server-Labor: lauschen, Verbindungen live beobachten und schließen.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2 (läuft mit Qt %3).&lt;/p&gt;&lt;p&gt;Lizenziert unter der GNU General Public License, Version 3 oder später (GPL-3.0-or-later).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/mainwindow.ui" line="+9"/>
        <source>Socket Lab</source>
        <translation>Socket Lab</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>&lt;b&gt;Event log&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ereignisprotokoll&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Filter the log</source>
        <translation>Protokoll filtern</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cop&amp;y</source>
        <translation>Kop&amp;ieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the selected lines, or every shown line when none is selected</source>
        <translation>Die ausgewählten Zeilen kopieren oder alle gezeigten, wenn keine ausgewählt ist</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the event log as CSV or JSON Lines</source>
        <translation>Das Ereignisprotokoll als CSV oder JSON Lines speichern</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Clear log</source>
        <translation>Protokoll leeren</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../ui/mainwindow.cpp" line="+159"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>C&amp;lear log</source>
        <translation>Protokoll &amp;leeren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export &amp;log…</source>
        <translation>&amp;Protokoll exportieren…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Event log</source>
        <translation>Ereignisprotokoll</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>&amp;Reset layout</source>
        <translation>Anordnung &amp;zurücksetzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The table&apos;s columns and the panes&apos; sizes as they first were</source>
        <translation>Die Spalten der Tabelle und die Größen der Bereiche wie beim ersten Start</translation>
    </message>
    <message>
        <location line="+166"/>
        <source>How many closed connections the table keeps; their transcripts are kept as long as their rows, each up to Keep KiB: at most %1 now. Clear closed frees them.</source>
        <translation>Wie viele beendete Verbindungen die Tabelle behält; ihre Mitschnitte bleiben so lange wie ihre Zeilen, je bis zu „Behalten“ KiB: derzeit höchstens %1. „Beendete entfernen“ gibt sie frei.</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Socket Lab — %1</source>
        <translation>Socket Lab — %1</translation>
    </message>
    <message>
        <location line="-308"/>
        <source>Listeners</source>
        <translation>Listener</translation>
    </message>
    <message>
        <location line="+384"/>
        <source>Try it: nc %1 %2</source>
        <translation>Ausprobieren: nc %1 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start listening, then connect a client.</source>
        <translation>Lauschen starten, dann einen Client verbinden.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open: %1</source>
        <translation>Offen: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted: %1 (refused %2)</source>
        <translation>Angenommen: %1 (abgewiesen %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted: %1</source>
        <translation>Angenommen: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In: %1</source>
        <translation>Ein: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out: %1</source>
        <translation>Aus: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>The selected connection(s) have been half-closed: the server shut its sending side, so it can only read</source>
        <translation>
            <numerusform>Die ausgewählte Verbindung ist halb geschlossen: Der Server hat seine Senderichtung beendet und kann nur noch lesen</numerusform>
            <numerusform>Die ausgewählten Verbindungen sind halb geschlossen: Der Server hat seine Senderichtung beendet und kann nur noch lesen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+41"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+6"/>
        <source>Export event log</source>
        <translation>Ereignisprotokoll exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Could not write %1: %2</source>
        <translation>%1 konnte nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>ProfileActions</name>
    <message>
        <location filename="../../ui/profileactions.cpp" line="+19"/>
        <source>&amp;Save profile…</source>
        <translation>Profil &amp;speichern…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open profile…</source>
        <translation>Profil ö&amp;ffnen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save every listener&apos;s set-up (address, mode, greeting, access lists, rules, TLS) as a JSON profile</source>
        <translation>Die Einrichtung aller Listener (Adresse, Modus, Begrüßung, Zugriffslisten, Regeln, TLS) als JSON-Profil speichern</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Replace every listener with those of a JSON profile</source>
        <translation>Alle Listener durch die eines JSON-Profils ersetzen</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Saved the profile %1 (%n listener(s))</source>
        <translation>
            <numerusform>Profil %1 gespeichert (%n Listener)</numerusform>
            <numerusform>Profil %1 gespeichert (%n Listener)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Profile not opened: %1</source>
        <translation>Profil nicht geöffnet: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Opened the profile %1 (%n listener(s), stopped)</source>
        <translation>
            <numerusform>Profil %1 geöffnet (%n Listener, gestoppt)</numerusform>
            <numerusform>Profil %1 geöffnet (%n Listener, gestoppt)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+8"/>
        <source>Save profile</source>
        <translation>Profil speichern</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Socket Lab profiles (*.json)</source>
        <translation>Socket-Lab-Profile (*.json)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The profile was not saved: %1</source>
        <translation>Das Profil wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+7"/>
        <source>Open profile</source>
        <translation>Profil öffnen</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Socket Lab profiles (*.json);;All files (*)</source>
        <translation>Socket-Lab-Profile (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing was changed: %1</source>
        <translation>Es wurde nichts geändert: %1</translation>
    </message>
</context>
<context>
    <name>ProfileFile</name>
    <message>
        <location filename="../../app/config/profilefile.cpp" line="+69"/>
        <location line="+70"/>
        <location line="+62"/>
        <source>%1: not an object</source>
        <translation>%1: kein Objekt</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>%1: unknown key</source>
        <translation>%1: unbekannter Schlüssel</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: not true or false</source>
        <translation>%1: weder true noch false</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>not a number or text</source>
        <translation>weder Zahl noch Text</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>&quot;%1&quot; is neither self-signed nor files</source>
        <translation>„%1“ ist weder self-signed noch files</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;%1&quot; is neither 1.2 nor 1.3</source>
        <translation>„%1“ ist weder 1.2 noch 1.3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; is not none, request or require</source>
        <translation>„%1“ ist weder none noch request noch require</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>files needs both certificate and key</source>
        <translation>files braucht sowohl certificate als auch key</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>&quot;%1&quot; is neither tcp nor tls</source>
        <translation>„%1“ ist weder tcp noch tls</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&quot;%1&quot; is not a mode (hold, echo, discard, greeting, close, forward)</source>
        <translation>„%1“ ist kein Modus (hold, echo, discard, greeting, close, forward)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>forward needs &quot;forward&quot;: &quot;HOST:PORT&quot;, the upstream</source>
        <translation>forward braucht &quot;forward&quot;: &quot;HOST:PORT&quot;, den Upstream</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>not JSON: %1 at line %2, column %3</source>
        <translation>kein JSON: %1 in Zeile %2, Spalte %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not a profile: the file is not a JSON object</source>
        <translation>kein Profil: Die Datei ist kein JSON-Objekt</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>version: missing; a profile says which version it is</source>
        <translation>version: fehlt; ein Profil gibt an, welche Version es hat</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>version: %1 is not a version this Socket Lab reads (%2)</source>
        <translation>version: %1 ist keine Version, die dieses Socket Lab lesen kann (%2)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>needs a list of 1 to %1 listeners</source>
        <translation>braucht eine Liste von 1 bis %1 Listenern</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>cannot read %1: %2</source>
        <translation>%1 ist nicht lesbar: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is larger than %2 MiB; not a profile</source>
        <translation>%1 ist größer als %2 MiB; kein Profil</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>ResponseRule</name>
    <message>
        <location filename="../../app/model/responserule.cpp" line="+76"/>
        <location line="+20"/>
        <source>the match is empty</source>
        <translation>das Muster ist leer</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>match %1</source>
        <translation>Muster %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+7"/>
        <source>match: %1 at position %2</source>
        <translation>Muster: %1 an Position %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>delimiter %1</source>
        <translation>Trennzeichen %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the line delimiter is empty</source>
        <translation>das Zeilentrennzeichen ist leer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>reply: %1 at position %2</source>
        <translation>Antwort: %1 an Position %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>reply: \%1 at position %2 needs a re: match with a group</source>
        <translation>Antwort: \%1 an Position %2 braucht ein re:-Muster mit einer Gruppe</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>reply: \%1 at position %2, but the match has %n group(s)</source>
        <translation>
            <numerusform>Antwort: \%1 an Position %2, aber das Muster hat %n Gruppe</numerusform>
            <numerusform>Antwort: \%1 an Position %2, aber das Muster hat %n Gruppen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>reply %1</source>
        <translation>Antwort %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the delay is %1 ms; it can be 0 to %2 ms</source>
        <translation>die Verzögerung beträgt %1 ms; erlaubt sind 0 bis %2 ms</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>&quot;%1&quot; has no &quot;=&gt;&quot; between the match and the reply</source>
        <translation>„%1“ hat kein „=&gt;“ zwischen Muster und Antwort</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>contains</source>
        <translation>enthält</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>starts with</source>
        <translation>beginnt mit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>regular expression</source>
        <translation>regulärer Ausdruck</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hex bytes</source>
        <translation>Hex-Bytes</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>keep open</source>
        <translation>offen lassen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>close (FIN)</source>
        <translation>schließen (FIN)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reset (RST)</source>
        <translation>zurücksetzen (RST)</translation>
    </message>
</context>
<context>
    <name>ResponseRuleJson</name>
    <message>
        <location filename="../../app/model/responserulejson.cpp" line="+84"/>
        <source>%1: not an object</source>
        <translation>%1: kein Objekt</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1: unknown key</source>
        <translation>%1: unbekannter Schlüssel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: bad value %2</source>
        <translation>%1: ungültiger Wert %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1: not a list</source>
        <translation>%1: keine Liste</translation>
    </message>
</context>
<context>
    <name>ResponseRuleTableModel</name>
    <message>
        <location filename="../../ui/responseruletablemodel.cpp" line="+43"/>
        <source>each chunk</source>
        <translation>jeden Block</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>each line (%1)</source>
        <translation>jede Zeile (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hex %1</source>
        <translation>Hex %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>On</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Match</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pattern</source>
        <translation>Muster</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Looks at</source>
        <translation>Prüft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reply</source>
        <translation>Antwort</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delay</source>
        <translation>Verzögerung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Then</source>
        <translation>Danach</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Matches</source>
        <translation>Treffer</translation>
    </message>
</context>
<context>
    <name>RowButtonDelegate</name>
    <message>
        <location filename="../../ui/rowbuttondelegate.cpp" line="+55"/>
        <source>Close</source>
        <comment>verb: close the connection</comment>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <location filename="../../ui/rulesdialog.cpp" line="+25"/>
        <source>Response Rules</source>
        <translation>Antwortregeln</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tried in order on what each client sends; the first rule that matches answers. Escapes as in the greeting (\r, \n, \t, \xHH); \1…\9 in a reply stand for a regular expression&apos;s groups.</source>
        <translation>Der Reihe nach auf das angewendet, was jeder Client sendet; die erste passende Regel antwortet. Escapes wie bei der Begrüßung (\r, \n, \t, \xHH); \1…\9 in einer Antwort stehen für die Gruppen eines regulären Ausdrucks.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Add</source>
        <translation>Hin&amp;zufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;move</source>
        <translation>Entfe&amp;rnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;Up</source>
        <translation>Nach &amp;oben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move Do&amp;wn</source>
        <translation>Nach &amp;unten</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Selected rule</source>
        <translation>Ausgewählte Regel</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>&amp;Enabled</source>
        <translation>&amp;Aktiv</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>e.g. PING, ^GET (\S+), or de ad be ef</source>
        <translation>z. B. PING, ^GET (\S+) oder de ad be ef</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>M&amp;atch</source>
        <translation>&amp;Vergleich</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>each chunk as it arrives</source>
        <translation>jeden Block beim Eintreffen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>each line, ending with</source>
        <translation>jede Zeile, endend auf</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The line delimiter, with escapes: \n, \r\n or your own</source>
        <translation>Das Zeilentrennzeichen, mit Escapes: \n, \r\n oder ein eigenes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Looks at</source>
        <translation>&amp;Prüft</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. PONG\r\n, or path=\1</source>
        <translation>z. B. PONG\r\n oder path=\1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hex</source>
        <translation>&amp;Hex</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;ply</source>
        <translation>A&amp;ntwort</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no delay</source>
        <translation>sofort</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>then</source>
        <translation>dann</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Delay</source>
        <translation>Verzö&amp;gerung</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+40"/>
        <location line="+22"/>
        <source>Rule %1: %2</source>
        <translation>Regel %1: %2</translation>
    </message>
</context>
<context>
    <name>SelfSignedCertificate</name>
    <message>
        <location filename="../../app/net/selfsignedcertificate.cpp" line="+37"/>
        <source>Could not make the self-signed certificate: %1 (%2)</source>
        <translation>Das selbstsignierte Zertifikat konnte nicht erstellt werden: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>SelfSignedStore</name>
    <message>
        <location filename="../../app/config/selfsignedstore.cpp" line="+22"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1 is missing; generate a new self-signed certificate to replace both files</source>
        <translation>%1 fehlt; erzeugen Sie ein neues selbstsigniertes Zertifikat, das beide Dateien ersetzt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The key file %1 can be read by other users; make it private (chmod 600) or generate a new self-signed certificate</source>
        <translation>Die Schlüsseldatei %1 ist für andere Benutzer lesbar; machen Sie sie privat (chmod 600) oder erzeugen Sie ein neues selbstsigniertes Zertifikat</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot create the folder %1</source>
        <translation>Der Ordner %1 kann nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>SendPanel</name>
    <message>
        <location filename="../../ui/sendpanel.ui" line="+14"/>
        <source>Send the text as typed (UTF-8), or hex bytes such as 48 65 6c 6c 6f</source>
        <translation>Den Text wie eingegeben senden (UTF-8) oder Hex-Bytes wie 48 65 6c 6c 6f</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>What to send; the list holds recent sends</source>
        <translation>Was gesendet wird; die Liste enthält zuletzt Gesendetes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Line ending added after the text</source>
        <translation>Zeilenende, das an den Text angehängt wird</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No line ending</source>
        <translation>Kein Zeilenende</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LF (\n)</source>
        <translation>LF (\n)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CRLF (\r\n)</source>
        <translation>CRLF (\r\n)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Send to &amp;selected</source>
        <translation>An &amp;Auswahl senden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Send to all &amp;open</source>
        <translation>An alle &amp;offenen</translation>
    </message>
    <message>
        <location filename="../../ui/sendpanel.cpp" line="+16"/>
        <source>Type what to send, then press Enter</source>
        <translation>Text eingeben, Eingabetaste sendet</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Too long: the box holds %1 characters at most and cut the rest of the paste; nothing is sent</source>
        <translation>Zu lang: Das Feld fasst höchstens %1 Zeichen und hat den Rest des Eingefügten abgeschnitten; nichts wird gesendet</translation>
    </message>
</context>
<context>
    <name>ServerMode</name>
    <message>
        <location filename="../../app/model/serverbehaviour.cpp" line="+17"/>
        <source>Hold</source>
        <translation>Halten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Echo</source>
        <translation>Echo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Greeting</source>
        <translation>Begrüßung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accept and close</source>
        <translation>Annehmen und schließen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forward</source>
        <translation>Weiterleiten</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Read and record what arrives; send nothing</source>
        <translation>Lesen und aufzeichnen, was ankommt; nichts senden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send back every byte that arrives</source>
        <translation>Jedes ankommende Byte zurücksenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read and count what arrives; keep nothing</source>
        <translation>Lesen und zählen, was ankommt; nichts behalten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send the greeting on accept, then hold</source>
        <translation>Beim Annehmen die Begrüßung senden, dann halten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accept, log &quot;Connection from ...&quot;, close at once: the classic loop</source>
        <translation>Annehmen, „Verbindung von …“ protokollieren, sofort schließen: die klassische Schleife</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open a connection to the upstream for each client and relay both ways</source>
        <translation>Für jeden Client eine Verbindung zum Upstream öffnen und in beide Richtungen weiterleiten</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../app/config/settingsstore.cpp" line="+27"/>
        <source>the file could not be read; using the defaults for this run and leaving the file as it is (changes made now are not saved)</source>
        <translation>die Datei ist nicht lesbar; für diesen Lauf gelten die Standardwerte, die Datei bleibt unverändert (jetzt gemachte Änderungen werden nicht gespeichert)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the file could not be opened; using the defaults</source>
        <translation>die Datei ließ sich nicht öffnen; es gelten die Standardwerte</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is not a Socket Lab setting, so this is not a file the app can rewrite; using the defaults for this run and leaving the file as it is (changes made now are not saved)</source>
        <translation>%1 ist keine Einstellung von Socket Lab, die App darf diese Datei also nicht überschreiben; für diesen Lauf gelten die Standardwerte, die Datei bleibt unverändert (jetzt gemachte Änderungen werden nicht gespeichert)</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Settings: %1: %2</source>
        <translation>Einstellungen: %1: %2</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>%1 is not a whole number from %2 to %3; using %4 (the file keeps its value until you change this one)</source>
        <translation>%1 ist keine ganze Zahl von %2 bis %3; es gilt %4 (die Datei behält ihren Wert, bis Sie diesen ändern)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 is neither true nor false; using false</source>
        <translation>%1 ist weder true noch false; es gilt false</translation>
    </message>
    <message>
        <location filename="../../app/config/settings.cpp" line="+64"/>
        <source>not saved window state; ignored</source>
        <translation>kein gespeicherter Fensterzustand; ignoriert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 bytes, far more than a window state; ignored</source>
        <translation>%1 Bytes, weit mehr als ein Fensterzustand; ignoriert</translation>
    </message>
    <message>
        <location filename="../../app/config/listenersettings.cpp" line="+192"/>
        <source>%1 is not an IP address; using %2</source>
        <translation>%1 ist keine IP-Adresse; es gilt %2</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Allow list</source>
        <translation>Erlaubt-Liste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deny list</source>
        <translation>Sperrliste</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>not JSON (%1 at %2)</source>
        <translation>kein JSON (%1 bei %2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Response rules: %1; no rule answers until they are set again</source>
        <translation>Antwortregeln: %1; keine Regel antwortet, bis sie neu festgelegt sind</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 is not a list of faults; injecting none</source>
        <translation>%1 ist keine Liste von Störungen; es werden keine injiziert</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1; injecting no faults</source>
        <translation>%1; es werden keine Störungen injiziert</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>not an upstream HOST:PORT; Forward mode has none until one is set</source>
        <translation>kein Upstream im Format HOST:PORT; der Modus Weiterleiten hat keinen, bis einer festgelegt ist</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>not a list of addresses</source>
        <translation>keine Liste von Adressen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>longer than %1 characters</source>
        <translation>länger als %1 Zeichen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: %2; not listening until it is corrected</source>
        <translation>%1: %2; kein Lauschen, bis das korrigiert ist</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>not text; using the default greeting</source>
        <translation>kein Text; es gilt die Standardbegrüßung</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 characters; keeping the first %2</source>
        <translation>%1 Zeichen; die ersten %2 werden behalten</translation>
    </message>
    <message>
        <location filename="../../app/config/settings.cpp" line="+102"/>
        <source>not a list of text; starting with an empty list</source>
        <translation>keine Textliste; es wird mit einer leeren Liste begonnen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>an entry of %1 characters is longer than %2; left out</source>
        <translation>ein Eintrag mit %1 Zeichen ist länger als %2; ausgelassen</translation>
    </message>
    <message>
        <location filename="../../app/config/listenersettings.cpp" line="+18"/>
        <source>not text; the listener has no name</source>
        <translation>kein Text; der Listener hat keinen Namen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 is neither tcp nor tls; using tls</source>
        <translation>%1 ist weder tcp noch tls; es gilt tls</translation>
    </message>
    <message>
        <location filename="../../app/config/storedtlssettings.cpp" line="+53"/>
        <source>%1 is neither selfsigned nor files; using files, and TLS for this listener</source>
        <translation>%1 ist weder selfsigned noch files; es gilt files, und dieser Listener verwendet TLS</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>not a file path; using none, and TLS for this listener</source>
        <translation>kein Dateipfad; es gilt keiner, und dieser Listener verwendet TLS</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 is neither 1.2 nor 1.3; using 1.3, and TLS for this listener</source>
        <translation>%1 ist weder 1.2 noch 1.3; es gilt 1.3, und dieser Listener verwendet TLS</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 is not none, request or require; using require, and TLS for this listener</source>
        <translation>%1 ist weder none noch request noch require; es gilt require, und dieser Listener verwendet TLS</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>not a list of protocols; offering none, and TLS for this listener</source>
        <translation>keine Liste von Protokollen; keines wird angeboten, und dieser Listener verwendet TLS</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/shortcutsdialog.cpp" line="+40"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Anywhere in the window</source>
        <translation>Überall im Fenster</translation>
    </message>
</context>
<context>
    <name>StatsReporter</name>
    <message>
        <location filename="../../app/cli/statsreporter.cpp" line="+139"/>
        <source>Cannot write the stats file %1: %2</source>
        <translation>Die Statistikdatei %1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>TcpInfo</name>
    <message>
        <location filename="../../app/model/tcpinfo.cpp" line="+34"/>
        <source>UNKNOWN (%1)</source>
        <translation>UNBEKANNT (%1)</translation>
    </message>
</context>
<context>
    <name>TextEscapes</name>
    <message>
        <location filename="../../app/text/textescapes.cpp" line="+67"/>
        <source>&quot;%1&quot; at position %2: \x takes two hex digits, as in \x1b</source>
        <translation>„%1“ an Position %2: \x erwartet zwei Hex-Ziffern, wie in \x1b</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&quot;%1&quot; at position %2 is not an escape: use \r \n \t \0 \\ or \xHH</source>
        <translation>„%1“ an Position %2 ist kein Escape: verwenden Sie \r \n \t \0 \\ oder \xHH</translation>
    </message>
</context>
<context>
    <name>TlsCredentials</name>
    <message>
        <location filename="../../app/net/tlscredentials.cpp" line="+26"/>
        <source>No %1 file was given</source>
        <translation>Keine %1-Datei angegeben</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The %1 file %2 does not exist</source>
        <translation>Die %1-Datei %2 existiert nicht</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot read the %1 file %2: %3</source>
        <translation>Die %1-Datei %2 ist nicht lesbar: %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The %1 file %2 is empty</source>
        <translation>Die %1-Datei %2 ist leer</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The certificate file %1 holds no certificate (PEM or DER) that can be read</source>
        <translation>Die Zertifikatsdatei %1 enthält kein lesbares Zertifikat (PEM oder DER)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The key file %1 is encrypted: a passphrase is needed</source>
        <translation>Die Schlüsseldatei %1 ist verschlüsselt: Eine Passphrase wird benötigt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The passphrase does not open the key file %1</source>
        <translation>Die Passphrase öffnet die Schlüsseldatei %1 nicht</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key file %1 holds no private key (PEM or DER) that can be read</source>
        <translation>Die Schlüsseldatei %1 enthält keinen lesbaren privaten Schlüssel (PEM oder DER)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The key in %1 does not belong to the certificate in %2 (their public keys differ)</source>
        <translation>Der Schlüssel in %1 gehört nicht zum Zertifikat in %2 (ihre öffentlichen Schlüssel unterscheiden sich)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The certificate in %1 expired on %2; clients that check it will refuse it</source>
        <translation>Das Zertifikat in %1 ist am %2 abgelaufen; Clients, die es prüfen, werden es ablehnen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The certificate in %1 is not valid before %2; clients that check it will refuse it</source>
        <translation>Das Zertifikat in %1 ist erst ab %2 gültig; Clients, die es prüfen, werden es ablehnen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Requiring a client certificate needs a CA file to check it against</source>
        <translation>Wer ein Client-Zertifikat verlangt, braucht eine CA-Datei, gegen die es geprüft wird</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CA</source>
        <translation>CA</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The CA file %1 holds no certificate (PEM or DER) that can be read</source>
        <translation>Die CA-Datei %1 enthält kein lesbares Zertifikat (PEM oder DER)</translation>
    </message>
</context>
<context>
    <name>TlsSession</name>
    <message>
        <location filename="../../app/net/tlssession.cpp" line="+136"/>
        <source>peer spoke plain text (HTTP?) to a TLS port</source>
        <translation>die Gegenstelle sprach Klartext (HTTP?) mit einem TLS-Port</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no shared protocol version</source>
        <translation>keine gemeinsame Protokollversion</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>client certificate required</source>
        <translation>Client-Zertifikat erforderlich</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the peer closed the connection before the TLS handshake began</source>
        <translation>die Gegenstelle hat die Verbindung vor Beginn des TLS-Handshakes geschlossen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>handshake timed out after %1 s</source>
        <translation>Zeitüberschreitung beim Handshake nach %1 s</translation>
    </message>
</context>
<context>
    <name>TlsSettingsDialog</name>
    <message>
        <location filename="../../ui/tlssettingsdialog.cpp" line="+35"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>TLS settings</source>
        <translation>TLS-Einstellungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Generate or reuse a self-signed certificate for localhost</source>
        <translation>Selbstsigniertes Zertifikat für localhost &amp;erzeugen oder wiederverwenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PEM &amp;files</source>
        <translation>PEM-&amp;Dateien</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Certificate chain, leaf first (PEM)</source>
        <translation>Zertifikatskette, Endzertifikat zuerst (PEM)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Private key (PEM)</source>
        <translation>Privater Schlüssel (PEM)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Regenerate…</source>
        <translation>&amp;Neu erzeugen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace the self-signed certificate with a new one; clients that pinned the old one will refuse the new one</source>
        <translation>Das selbstsignierte Zertifikat durch ein neues ersetzen; Clients, die das alte fest hinterlegt haben, lehnen das neue ab</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>TLS 1.2</source>
        <translation>TLS 1.2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS 1.3</source>
        <translation>TLS 1.3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>None</source>
        <translation>Keines</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request</source>
        <translation>Anfordern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Require</source>
        <translation>Verlangen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request: asked for, not checked. Require: must be sent and signed by a certificate in the CA file.</source>
        <translation>Anfordern: wird erbeten, nicht geprüft. Verlangen: muss gesendet werden und von einem Zertifikat aus der CA-Datei signiert sein.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CA certificates a client certificate must chain to</source>
        <translation>CA-Zertifikate, auf die sich ein Client-Zertifikat zurückführen lassen muss</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>h2, http/1.1</source>
        <translation>h2, http/1.1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Application protocols offered, in order of preference; empty offers none</source>
        <translation>Angebotene Anwendungsprotokolle, nach Vorrang geordnet; leer bietet keines an</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connections that have not finished the handshake by then are closed</source>
        <translation>Verbindungen, die den Handshake bis dahin nicht abgeschlossen haben, werden geschlossen</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;hain</source>
        <translation>Ke&amp;tte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Key</source>
        <translation>&amp;Schlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Minimum protocol</source>
        <translation>&amp;Mindestversion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;lient certificate</source>
        <translation>C&amp;lient-Zertifikat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;A file</source>
        <translation>&amp;CA-Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;ALPN</source>
        <translation>&amp;ALPN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Handshake timeout</source>
        <translation>&amp;Handshake-Timeout</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Certificate chain</source>
        <translation>Zertifikatskette</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private key</source>
        <translation>Privater Schlüssel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CA certificates</source>
        <translation>CA-Zertifikate</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>No readable certificate</source>
        <translation>Kein lesbares Zertifikat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Made when you press OK</source>
        <translation>Wird beim Klick auf OK erstellt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>PEM-Dateien (*.pem *.crt *.cer *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Regenerate the certificate?</source>
        <translation>Zertifikat neu erzeugen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new self-signed certificate and key replace the current ones. Clients that trust the current certificate will refuse the new one. Listeners already running keep the old one until restarted.</source>
        <translation>Ein neues selbstsigniertes Zertifikat und ein neuer Schlüssel ersetzen die bisherigen. Clients, die dem bisherigen Zertifikat vertrauen, lehnen das neue ab. Bereits laufende Listener behalten das alte bis zum Neustart.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Press OK again to use it anyway.</source>
        <translation>Drücken Sie erneut OK, um es trotzdem zu verwenden.</translation>
    </message>
</context>
<context>
    <name>TrafficChart</name>
    <message>
        <location filename="../../ui/chartaxis.cpp" line="+11"/>
        <source>B/s</source>
        <translation>B/s</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>KiB/s</source>
        <translation>KiB/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MiB/s</source>
        <translation>MiB/s</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>GiB/s</source>
        <translation>GiB/s</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+10"/>
        <location line="+7"/>
        <location line="+6"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>now</source>
        <translation>jetzt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>-%1 h</source>
        <translation>-%1 h</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>-%1 min</source>
        <translation>-%1 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>-%1 s</source>
        <translation>-%1 s</translation>
    </message>
    <message>
        <location filename="../../ui/trafficchart.cpp" line="+46"/>
        <source>Traffic chart</source>
        <translation>Verkehrsdiagramm</translation>
    </message>
    <message>
        <location line="+38"/>
        <location line="+153"/>
        <source>Waiting for traffic</source>
        <translation>Warte auf Verkehr</translation>
    </message>
    <message>
        <location line="-151"/>
        <source>Open connections %1 · in %2 · out %3</source>
        <translation>Offene Verbindungen %1 · ein %2 · aus %3</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Open connections (top) and bytes per second received, in, and sent, out (bottom), over the last %1; the newest sample is at the right edge.
%2</source>
        <translation>Offene Verbindungen (oben) und Bytes pro Sekunde, empfangen (ein) und gesendet (aus) (unten), über die letzten %1; der neueste Messwert steht am rechten Rand.
%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>%1
Open connections %2
In %3
Out %4</source>
        <translation>%1
Offene Verbindungen %2
Ein %3
Aus %4</translation>
    </message>
    <message>
        <location line="+151"/>
        <source>Open connections %1</source>
        <translation>Offene Verbindungen %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In %1</source>
        <translation>Ein %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out %1</source>
        <translation>Aus %1</translation>
    </message>
</context>
<context>
    <name>TranscriptFormat</name>
    <message>
        <location filename="../../app/text/transcriptformat.cpp" line="+157"/>
        <source>← received 1 byte</source>
        <translation>← 1 Byte empfangen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>← received %1 bytes</source>
        <translation>← %1 Bytes empfangen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>→ sent 1 byte</source>
        <translation>→ 1 Byte gesendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>→ sent %1 bytes</source>
        <translation>→ %1 Bytes gesendet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(client → upstream)</source>
        <translation>(Client → Upstream)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(upstream → client)</source>
        <translation>(Upstream → Client)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(rule %1)</source>
        <translation>(Regel %1)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(1 earlier byte not kept; offsets count from the first byte kept)</source>
        <translation>(1 früheres Byte nicht behalten; die Offsets zählen ab dem ersten behaltenen Byte)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(%1 earlier bytes not kept; offsets count from the first byte kept)</source>
        <translation>(%1 frühere Bytes nicht behalten; die Offsets zählen ab dem ersten behaltenen Byte)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(1 earlier byte not kept)</source>
        <translation>(1 früheres Byte nicht behalten)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(%1 earlier bytes not kept)</source>
        <translation>(%1 frühere Bytes nicht behalten)</translation>
    </message>
</context>
<context>
    <name>UpstreamRelay</name>
    <message>
        <location filename="../../app/net/upstreamrelay.cpp" line="+72"/>
        <source>no upstream is set for Forward mode</source>
        <translation>für den Modus Weiterleiten ist kein Upstream festgelegt</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>upstream %1 did not answer within %2 s</source>
        <translation>Upstream %1 hat nicht innerhalb von %2 s geantwortet</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>upstream %1 refused the connection</source>
        <translation>Upstream %1 hat die Verbindung abgewiesen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>upstream %1: host not found</source>
        <translation>Upstream %1: Host nicht gefunden</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+12"/>
        <source>upstream %1: %2</source>
        <translation>Upstream %1: %2</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+40"/>
        <source>upstream %1 reset the connection</source>
        <translation>Upstream %1 hat die Verbindung zurückgesetzt</translation>
    </message>
</context>
<context>
    <name>UpstreamState</name>
    <message>
        <location filename="../../app/model/connectioninfo.cpp" line="+11"/>
        <source>Connecting</source>
        <translation>Im Aufbau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Half-closed</source>
        <translation>Halb geschlossen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused</source>
        <translation>Abgewiesen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timed out</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset</source>
        <translation>Zurückgesetzt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app/main.cpp" line="+114"/>
        <source>socketlab: no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not set); run &apos;socketlab --headless&apos; to serve without a window
</source>
        <translation>socketlab: keine Anzeige, um das Fenster zu öffnen (DISPLAY und WAYLAND_DISPLAY sind nicht gesetzt); &apos;socketlab --headless&apos; startet den Server ohne Fenster
</translation>
    </message>
</context>
</TS>
