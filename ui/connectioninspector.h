#pragma once

#include "connectioninfo.h"
#include "tcpinfo.h"
#include "transcriptchunk.h"

#include <QHash>
#include <QWidget>

#include <memory>
#include <optional>

class QAction;
class QTimer;
struct TranscriptUpdate;

namespace Ui {
class ConnectionInspector;
}

// One connection up close: its details, the ways to end it, and its transcript as text or a
// hex dump. Peer bytes are only ever shown as escaped plain text.
class ConnectionInspector final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionInspector)

public:
    enum class View { Text, Hex };
    enum class ExportKind { RawReceived, RawSent, TextListing, HexListing };

    explicit ConnectionInspector(QWidget *parent = nullptr);
    ~ConnectionInspector() override;

    // The connection to show, or none when info is null.
    void showConnection(const ConnectionInfo *info);
    // Refreshes the details when info is the connection shown.
    void updateConnection(const ConnectionInfo &info);
    void applyTranscript(const TranscriptUpdate &update);
    // The kernel's figures (TCP_INFO) for the connection shown; they stay until the next ones.
    void updateTcpInfo(const TcpInfo &info);
    // Takes the shown connection's figures from a batch's readings, if there are any.
    void applyTcpInfo(const QHash<quint64, TcpInfo> &infos);

    quint64 connectionId() const { return m_info.id; }
    View view() const;
    void setView(View view);
    int capacityKiB() const;
    void setCapacityKiB(int kib);
    // The transcript as shown, once pending updates are drawn.
    QString transcriptText();
    const QList<TranscriptChunk> &chunks() const { return m_chunks; }
    quint64 droppedBytes() const { return m_dropped; }

    // Writes the transcript; false with a reason when the file cannot be written.
    bool exportTranscript(const QString &path, ExportKind kind, QString *error = nullptr) const;
    // What Export… does, enabled while a connection is shown: for the menu bar.
    QAction *exportAction() const { return m_exportAction; }

signals:
    void closeRequested(quint64 connectionId, CloseMode mode);
    void capacityChanged(int kib);

private:
    void showDetails();
    void showKernelFigures();
    void showTls();
    void scheduleRender();
    void render();
    void trimToCapacity(qsizetype capacity);
    void onExportClicked();

    std::unique_ptr<Ui::ConnectionInspector> m_ui;
    QAction *m_exportAction = nullptr;
    ConnectionInfo m_info;
    QList<TranscriptChunk> m_chunks;
    qsizetype m_size = 0;
    quint64 m_dropped = 0;
    bool m_available = true;
    std::optional<TcpInfo> m_tcpInfo; // none until the kernel was read for the shown connection
    QTimer *m_renderTimer = nullptr;
    QTimer *m_clockTimer = nullptr; // keeps an open connection's duration current
};
