#include "connectioninspector.h"
#include "ui_connectioninspector.h"

#include "connectiontablemodel.h"
#include "displayformat.h"
#include "endpoint.h"
#include "flowlayout.h"
#include "settings.h"
#include "transcriptformat.h"
#include "updatebatch.h"

#include <QAction>
#include <QDateTime>
#include <QFileDialog>
#include <QFontDatabase>
#include <QMessageBox>
#include <QSaveFile>
#include <QScrollBar>
#include <QTimer>

ConnectionInspector::ConnectionInspector(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ConnectionInspector>())
    , m_renderTimer(new QTimer(this))
    , m_clockTimer(new QTimer(this))
{
    m_ui->setupUi(this);
    m_ui->transcriptView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // The close buttons wrap in a narrow pane or a longer language.
    FlowLayout::replaceLayout(m_ui->closeRow);
    m_ui->closeButton->setIcon(QIcon(QStringLiteral(":/icons/close.svg")));
    m_ui->halfCloseButton->setIcon(QIcon(QStringLiteral(":/icons/half-close.svg")));
    m_ui->resetButton->setIcon(QIcon(QStringLiteral(":/icons/reset.svg")));
    m_ui->exportButton->setIcon(QIcon(QStringLiteral(":/icons/export.svg")));

    // Updates arrive up to 30 times a second; drawing a large transcript that often is waste.
    m_renderTimer->setSingleShot(true);
    m_renderTimer->setInterval(100);
    connect(m_renderTimer, &QTimer::timeout, this, &ConnectionInspector::render);
    m_clockTimer->setInterval(1000);
    connect(m_clockTimer, &QTimer::timeout, this, &ConnectionInspector::showDetails);

    const auto requestClose = [this](CloseMode mode) {
        if (m_info.id != 0)
            emit closeRequested(m_info.id, mode);
    };
    connect(m_ui->closeButton, &QPushButton::clicked, this, [=] { requestClose(CloseMode::Graceful); });
    connect(m_ui->halfCloseButton, &QPushButton::clicked, this, [=] { requestClose(CloseMode::HalfClose); });
    connect(m_ui->resetButton, &QPushButton::clicked, this, [=] { requestClose(CloseMode::Reset); });
    connect(m_ui->viewCombo, &QComboBox::currentIndexChanged, this, &ConnectionInspector::render);
    connect(m_ui->lineEndingsCheck, &QCheckBox::toggled, this, &ConnectionInspector::render);
    m_ui->capacitySpin->setValue(Settings::DefaultTranscriptKiB);
    connect(m_ui->capacitySpin, &QSpinBox::valueChanged, this, &ConnectionInspector::capacityChanged);
    m_exportAction = new QAction(m_ui->exportButton->icon(), tr("Export &transcript…"), this);
    m_exportAction->setObjectName(QStringLiteral("exportTranscriptAction"));
    connect(m_exportAction, &QAction::triggered, this, &ConnectionInspector::onExportClicked);
    connect(m_ui->exportButton, &QPushButton::clicked, m_exportAction, &QAction::trigger);
    showDetails();
}

ConnectionInspector::~ConnectionInspector() = default;

ConnectionInspector::View ConnectionInspector::view() const
{
    return View(m_ui->viewCombo->currentIndex());
}

void ConnectionInspector::setView(View view)
{
    m_ui->viewCombo->setCurrentIndex(int(view));
}

int ConnectionInspector::capacityKiB() const
{
    return m_ui->capacitySpin->value();
}

void ConnectionInspector::setCapacityKiB(int kib)
{
    m_ui->capacitySpin->setValue(kib);
}

void ConnectionInspector::showConnection(const ConnectionInfo *info)
{
    const quint64 id = info ? info->id : 0;
    if (id != m_info.id) {
        m_chunks.clear();
        m_size = 0;
        m_dropped = 0;
        m_available = true;
        m_tcpInfo.reset();
        scheduleRender();
    }
    m_info = info ? *info : ConnectionInfo();
    showDetails();
}

void ConnectionInspector::updateConnection(const ConnectionInfo &info)
{
    if (info.id != 0 && info.id == m_info.id) {
        m_info = info;
        showDetails();
    }
}

void ConnectionInspector::showDetails()
{
    const bool shown = m_info.id != 0;
    if (!shown) {
        m_ui->titleLabel->setText(tr("Select a connection to see what it sent and answer it."));
    } else {
        m_ui->titleLabel->setText(tr("Connection #%1: %2 → %3")
                                      .arg(m_info.id)
                                      .arg(Endpoint::format(m_info.peerAddress, m_info.peerPort),
                                           Endpoint::format(m_info.localAddress, m_info.localPort)));
    }
    const QString none = QStringLiteral("—");
    QString state = shown ? connectionStateText(m_info.state) : none;
    if (shown && !m_info.errorString.isEmpty())
        state += QStringLiteral(" (%1)").arg(m_info.errorString);
    if (shown && m_info.readsStalled && !m_info.isFinished())
        state = tr("%1, reads stalled by a fault").arg(state);
    m_ui->stateValue->setText(state);
    m_ui->faultsValue->setText(!shown ? none : m_info.faults.any() ? m_info.faults.summary() : tr("None"));
    m_ui->timesValue->setText(
        shown ? tr("%1, for %2; last activity %3")
                    .arg(DisplayFormat::timeOfDay(m_info.acceptedAtMs),
                         DisplayFormat::duration(m_info.durationMs(QDateTime::currentMSecsSinceEpoch())),
                         DisplayFormat::timeOfDay(m_info.lastActivityMs))
              : none);
    m_ui->bytesValue->setText(shown ? tr("%1 received (%L2 bytes), %3 sent (%L4 bytes)")
                                          .arg(DisplayFormat::bytes(m_info.bytesReceived))
                                          .arg(m_info.bytesReceived)
                                          .arg(DisplayFormat::bytes(m_info.bytesSent))
                                          .arg(m_info.bytesSent)
                                    : none);
    // Forward mode: where the bytes went on to, and how that connection stands.
    const bool forwarded = shown && m_info.upstreamState != UpstreamState::None;
    m_ui->upstreamCaption->setVisible(forwarded);
    m_ui->upstreamValue->setVisible(forwarded);
    if (forwarded) {
        QString upstream = tr("%1: %2").arg(m_info.upstream, upstreamStateText(m_info.upstreamState));
        if (!m_info.upstreamError.isEmpty())
            upstream += QStringLiteral(" (%1)").arg(m_info.upstreamError);
        m_ui->upstreamValue->setText(upstream);
    }
    const bool open = shown && !m_info.isFinished();
    if (open != m_clockTimer->isActive()) {
        if (open)
            m_clockTimer->start();
        else
            m_clockTimer->stop();
    }
    const bool canWrite = open && m_info.state != ConnectionState::Closing
        && m_info.state != ConnectionState::HalfClosed;
    m_ui->closeButton->setEnabled(open && m_info.state != ConnectionState::Closing);
    m_ui->halfCloseButton->setEnabled(canWrite);
    m_ui->resetButton->setEnabled(open);
    m_ui->exportButton->setEnabled(shown);
    m_exportAction->setEnabled(shown);
    m_ui->viewCombo->setEnabled(shown);
    m_ui->lineEndingsCheck->setEnabled(shown);
    showTls();
    showKernelFigures();
}

void ConnectionInspector::showTls()
{
    const bool tls = m_info.id != 0 && m_info.tls;
    m_ui->tlsSection->setVisible(tls);
    if (!tls)
        return;
    QString handshake;
    if (m_info.state == ConnectionState::TlsFailed)
        handshake = tr("Failed: %1").arg(m_info.errorString);
    else if (m_info.tlsPhase == TlsPhase::Established)
        handshake = tr("Completed");
    else if (m_info.isFinished())
        handshake = tr("Not completed: the connection ended first");
    else
        handshake = tr("In progress…");
    m_ui->tlsHandshakeValue->setText(handshake);
    const QString none = QStringLiteral("—");
    const auto orNone = [&none](const QString &text) { return text.isEmpty() ? none : text; };
    m_ui->tlsProtocolValue->setText(orNone(m_info.tlsProtocol));
    m_ui->tlsCipherValue->setText(orNone(m_info.tlsCipher));
    m_ui->tlsServerNameValue->setText(orNone(m_info.tlsServerName));
    m_ui->tlsAlpnValue->setText(orNone(m_info.tlsAlpn));
    m_ui->tlsClientCertificateValue->setText(m_info.tlsClientCertificate.isEmpty() ? tr("None presented")
                                                                                   : m_info.tlsClientCertificate);
    // Records, the handshake and their overhead, beside the application bytes they carried.
    m_ui->tlsWireBytesValue->setText(tr("%1 received, %2 sent (application bytes: %3 received, %4 sent)")
                                         .arg(DisplayFormat::bytes(m_info.tlsBytesReceived),
                                              DisplayFormat::bytes(m_info.tlsBytesSent),
                                              DisplayFormat::bytes(m_info.bytesReceived),
                                              DisplayFormat::bytes(m_info.bytesSent)));
}

void ConnectionInspector::updateTcpInfo(const TcpInfo &info)
{
    m_tcpInfo = info;
    showKernelFigures();
}

void ConnectionInspector::applyTcpInfo(const QHash<quint64, TcpInfo> &infos)
{
    const auto it = infos.constFind(m_info.id);
    if (m_info.id != 0 && it != infos.cend())
        updateTcpInfo(*it);
}

void ConnectionInspector::showKernelFigures()
{
    const bool shown = m_info.id != 0;
    QString note;
    if (!tcpInfoSupported() || (m_tcpInfo && !m_tcpInfo->available))
        note = tr("Not available on this platform");
    else if (shown && !m_tcpInfo)
        note = m_info.isFinished() ? tr("The connection ended before the kernel was asked")
                                   : tr("Waiting for the kernel's figures…");
    else if (shown && m_info.isFinished())
        note = tr("As last read while the connection was open");
    m_ui->kernelNote->setText(note);
    m_ui->kernelNote->setVisible(!note.isEmpty());

    const bool figures = shown && m_tcpInfo && m_tcpInfo->available;
    const auto cell = [this](int column) {
        return ConnectionTableModel::tcpInfoData(*m_tcpInfo, column).toString();
    };
    const QString none = QStringLiteral("—");
    using Model = ConnectionTableModel;
    m_ui->kernelStateValue->setText(figures ? cell(Model::TcpStateColumn) : none);
    m_ui->kernelRttValue->setText(
        figures ? tr("%1, varies by %2").arg(cell(Model::RttColumn), cell(Model::RttVarColumn)) : none);
    m_ui->kernelWindowValue->setText(
        figures ? tr("cwnd %1 segments, %2 unacknowledged")
                      .arg(cell(Model::CwndColumn), cell(Model::UnackedColumn))
                : none);
    m_ui->kernelRetransmitsValue->setText(
        figures ? tr("%1 in all, %n timeout(s) in a row now", nullptr, int(m_tcpInfo->retransmits))
                      .arg(cell(Model::RetransmitsColumn))
                : none);
    m_ui->kernelBytesValue->setText(figures ? tr("%1 acknowledged by the peer, %2 received")
                                                  .arg(cell(Model::BytesAckedColumn),
                                                       cell(Model::KernelReceivedColumn))
                                            : none);
    if (!figures) {
        m_ui->kernelLastDataValue->setText(none);
        return;
    }
    // The kernel counts "since the last data" from the handshake when nothing went that way yet.
    const QString sentPart = m_info.bytesSent == 0 ? tr("nothing sent yet")
                                                   : tr("sent %1 ago").arg(cell(Model::SinceLastSendColumn));
    const QString receivedPart = m_info.bytesReceived == 0
        ? tr("nothing received yet")
        : tr("received %1 ago").arg(cell(Model::SinceLastReceiveColumn));
    m_ui->kernelLastDataValue->setText(tr("%1, %2", "last data sent, received").arg(sentPart, receivedPart));
}

void ConnectionInspector::applyTranscript(const TranscriptUpdate &update)
{
    if (update.connectionId != m_info.id)
        return;
    if (update.reset) {
        m_chunks.clear();
        m_size = 0;
    }
    m_available = update.available;
    for (const TranscriptChunk &chunk : update.chunks) {
        if (!m_chunks.isEmpty() && m_chunks.constLast().sequence == chunk.sequence) {
            m_size -= m_chunks.constLast().data.size();
            m_chunks.last() = chunk;
        } else {
            m_chunks.append(chunk);
        }
        m_size += chunk.data.size();
    }
    trimToCapacity(update.capacity);
    m_dropped = update.droppedBytes;
    scheduleRender();
}

void ConnectionInspector::trimToCapacity(qsizetype capacity)
{
    // The network side keeps the same bound; this copy follows it.
    qsizetype excess = m_size - capacity;
    while (excess > 0 && !m_chunks.isEmpty()) {
        TranscriptChunk &front = m_chunks.first();
        if (front.data.size() > excess) {
            front.data.remove(0, excess);
            m_size -= excess;
            break;
        }
        excess -= front.data.size();
        m_size -= front.data.size();
        m_chunks.removeFirst();
    }
}

void ConnectionInspector::scheduleRender()
{
    if (!m_renderTimer->isActive())
        m_renderTimer->start();
}

QString ConnectionInspector::transcriptText()
{
    if (m_renderTimer->isActive()) {
        m_renderTimer->stop();
        render();
    }
    return m_ui->transcriptView->toPlainText();
}

void ConnectionInspector::render()
{
    m_renderTimer->stop();
    QPlainTextEdit *textView = m_ui->transcriptView;
    QScrollBar *bar = textView->verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum() - 2;
    const int previous = bar->value();

    QString text;
    if (m_info.id == 0) {
        text.clear();
    } else if (!m_available) {
        text = tr("This connection's transcript is no longer kept.");
    } else if (!m_info.recording && m_chunks.isEmpty()) {
        text = tr("Discard mode: bytes are counted, not kept.");
    } else if (m_chunks.isEmpty()) {
        text = tr("Nothing received or sent yet.");
    } else {
        const auto mode = view() == View::Hex ? TranscriptFormat::ListingMode::Hex : TranscriptFormat::ListingMode::Text;
        text = TranscriptFormat::listing(m_chunks, mode, m_ui->lineEndingsCheck->isChecked(), m_dropped);
    }
    textView->setLineWrapMode(view() == View::Hex ? QPlainTextEdit::NoWrap : QPlainTextEdit::WidgetWidth);
    textView->setPlainText(text);
    bar->setValue(atBottom ? bar->maximum() : previous);
    m_ui->droppedLabel->setText(m_dropped > 0 ? tr("%L1 earlier bytes not kept (the last %2 are)")
                                                     .arg(m_dropped)
                                                     .arg(DisplayFormat::bytes(quint64(m_size)))
                                               : QString());
    m_ui->droppedLabel->setVisible(m_dropped > 0);
}

bool ConnectionInspector::exportTranscript(const QString &path, ExportKind kind, QString *error) const
{
    QByteArray bytes;
    switch (kind) {
    case ExportKind::RawReceived:
        bytes = TranscriptFormat::rawBytes(m_chunks, TranscriptChunk::Direction::Received);
        break;
    case ExportKind::RawSent:
        bytes = TranscriptFormat::rawBytes(m_chunks, TranscriptChunk::Direction::Sent);
        break;
    case ExportKind::TextListing:
        bytes = TranscriptFormat::listing(m_chunks, TranscriptFormat::ListingMode::Text, true, m_dropped).toUtf8();
        break;
    case ExportKind::HexListing:
        bytes = TranscriptFormat::listing(m_chunks, TranscriptFormat::ListingMode::Hex, false, m_dropped).toUtf8();
        break;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void ConnectionInspector::onExportClicked()
{
    if (m_info.id == 0)
        return;
    const QString received = tr("Raw bytes received (*.bin)");
    const QString sent = tr("Raw bytes sent (*.bin)");
    const QString textListing = tr("Text listing (*.txt)");
    const QString hexListing = tr("Hex listing (*.txt)");
    QString filter = textListing;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export transcript"), QStringLiteral("connection-%1.txt").arg(m_info.id),
        QStringList{textListing, hexListing, received, sent}.join(QStringLiteral(";;")), &filter);
    if (path.isEmpty())
        return;
    ExportKind kind = ExportKind::TextListing;
    if (filter == hexListing)
        kind = ExportKind::HexListing;
    else if (filter == received)
        kind = ExportKind::RawReceived;
    else if (filter == sent)
        kind = ExportKind::RawSent;
    QString error;
    if (!exportTranscript(path, kind, &error))
        QMessageBox::warning(this, tr("Export transcript"), tr("Could not write %1: %2").arg(path, error));
}
