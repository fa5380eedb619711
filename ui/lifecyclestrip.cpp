#include "lifecyclestrip.h"

#include "kernelcolours.h"

#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QTextDocument>
#include <QToolTip>

namespace {

constexpr int Margin = 1;        // keeps the boxes' borders inside the widget
constexpr int VerticalPadding = 3;
constexpr int MinArrow = 14;
constexpr int MaxArrow = 40;
constexpr double MinFontScale = 0.55;

int horizontalPadding(const QFontMetrics &metrics)
{
    return qMax(3, metrics.averageCharWidth());
}

// Tooltips guess rich text from the content; the failure message is the system's, shown as is.
QString plainToolTip(const QString &text)
{
    return Qt::mightBeRichText(text) ? Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal) : text;
}

} // namespace

LifecycleStrip::LifecycleStrip(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setAccessibleName(tr("Listening socket life cycle"));
    changed();
}

LifecycleStrip::~LifecycleStrip() = default;

void LifecycleStrip::setStage(Stage stage)
{
    if (stage == m_stage)
        return;
    m_stage = stage;
    changed();
}

void LifecycleStrip::setBacklog(int backlog)
{
    backlog = qMax(0, backlog);
    if (backlog == m_backlog)
        return;
    m_backlog = backlog;
    changed();
}

void LifecycleStrip::setCounts(quint64 accepted, quint64 closed)
{
    if (accepted == m_accepted && closed == m_closed)
        return;
    m_accepted = accepted;
    m_closed = closed;
    changed();
}

void LifecycleStrip::setTls(bool tls)
{
    if (tls == m_tls)
        return;
    m_tls = tls;
    updateGeometry(); // one more box
    changed();
}

void LifecycleStrip::setHandshakeCounts(quint64 done, quint64 failed)
{
    if (done == m_handshakesDone && failed == m_handshakesFailed)
        return;
    m_handshakesDone = done;
    m_handshakesFailed = failed;
    changed();
}

void LifecycleStrip::setFailure(int failedStep, const QString &errnoName, const QString &message)
{
    m_failedStep = qBound(0, failedStep, int(ListenStep) + 1);
    m_errnoName = errnoName;
    m_failureMessage = message;
    changed();
}

QString LifecycleStrip::text() const
{
    QStringList labels;
    for (int step = 0; step < StepCount; ++step) {
        if (isShown(Step(step)))
            labels << label(Step(step), false);
    }
    return tr("%1: %2").arg(labels.join(QStringLiteral(" → ")), stageText());
}

QRect LifecycleStrip::stepRect(Step step) const
{
    if (step < 0 || step >= StepCount || !isShown(step))
        return {};
    return place().boxes[size_t(step)];
}

QSize LifecycleStrip::sizeHint() const
{
    // Sized for large counts and a long errno name, so the hint does not change with every batch.
    std::array<QString, StepCount> widest;
    widest[SocketStep] = QStringLiteral("socket()");
    widest[BindStep] = QStringLiteral("bind() EADDRNOTAVAIL");
    widest[ListenStep] = QStringLiteral("listen(65535)");
    widest[AcceptStep] = tr("accept() · %1 · paused").arg(QLocale().toString(99999));
    widest[CloseStep] = tr("close() · %1").arg(QLocale().toString(99999));
    if (m_tls)
        widest[HandshakeStep] = tr("handshake · %1 ok · %2 failed").arg(QLocale().toString(99999), QLocale().toString(999));
    const QFontMetrics metrics(font());
    return {naturalWidth(font(), widest) + (m_tls ? 5 : 4) * (MaxArrow - MinArrow) / 2,
            metrics.height() + 2 * (VerticalPadding + Margin + 1)};
}

QSize LifecycleStrip::minimumSizeHint() const
{
    const QSize hint = sizeHint();
    return {int(hint.width() * MinFontScale), hint.height()};
}

bool LifecycleStrip::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const Placement placement = place();
        for (int step = 0; step < StepCount; ++step) {
            if (placement.boxes[size_t(step)].contains(help->pos())) {
                QToolTip::showText(help->globalPos(), plainToolTip(stepToolTip(Step(step))), this,
                                   placement.boxes[size_t(step)]);
                return true;
            }
        }
    }
    return QWidget::event(event);
}

void LifecycleStrip::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        updateGeometry();
    QWidget::changeEvent(event);
}

void LifecycleStrip::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const Placement placement = place();
    painter.setFont(placement.font);
    const QRect *previous = nullptr;
    for (int step = 0; step < StepCount; ++step) {
        if (!isShown(Step(step)))
            continue;
        const QRect &box = placement.boxes[size_t(step)];
        if (previous)
            paintArrow(painter, previous->right() + 1, box.left(), previous->center().y());
        paintBox(painter, box, placement.labels[size_t(step)], lookOf(Step(step)));
        previous = &box;
    }
}

bool LifecycleStrip::isShown(Step step) const
{
    return step != HandshakeStep || m_tls;
}

int LifecycleStrip::shownCount() const
{
    return m_tls ? int(StepCount) : int(StepCount) - 1;
}

QString LifecycleStrip::label(Step step, bool compact) const
{
    const bool failed = m_stage == Stage::Failed && m_failedStep == int(step) + 1 && !m_errnoName.isEmpty();
    const QString failure = failed ? QLatin1Char(' ') + m_errnoName : QString();
    switch (step) {
    case SocketStep:
        return tr("socket()") + failure;
    case BindStep:
        return tr("bind()") + failure;
    case ListenStep:
        return (m_backlog > 0 ? tr("listen(%1)").arg(m_backlog) : tr("listen()")) + failure;
    case AcceptStep:
        if (m_stage == Stage::Paused)
            return compact ? tr("accept() %1 paused").arg(countText(m_accepted, true))
                           : tr("accept() · %1 · paused").arg(countText(m_accepted, false));
        return compact ? tr("accept() %1").arg(countText(m_accepted, true))
                       : tr("accept() · %1").arg(countText(m_accepted, false));
    case HandshakeStep:
        return compact ? tr("TLS %1 ok %2 failed").arg(countText(m_handshakesDone, true), countText(m_handshakesFailed, true))
                       : tr("handshake · %1 ok · %2 failed")
                             .arg(countText(m_handshakesDone, false), countText(m_handshakesFailed, false));
    case CloseStep:
        return compact ? tr("close() %1").arg(countText(m_closed, true))
                       : tr("close() · %1").arg(countText(m_closed, false));
    case StepCount:
        break;
    }
    return {};
}

QString LifecycleStrip::countText(quint64 count, bool compact) const
{
    const QLocale locale;
    if (!compact || count < 10000)
        return locale.toString(count);
    if (count < 1000000)
        return tr("%1k").arg(locale.toString(double(count) / 1e3, 'f', count < 100000 ? 1 : 0));
    return tr("%1M").arg(locale.toString(double(count) / 1e6, 'f', count < 100000000 ? 1 : 0));
}

QString LifecycleStrip::stageText() const
{
    switch (m_stage) {
    case Stage::Stopped:
        return tr("stopped");
    case Stage::Listening:
        return tr("listening");
    case Stage::Paused:
        return tr("listening, accepting paused");
    case Stage::Failed:
        if (m_failedStep > 0)
            return tr("%1 failed: %2").arg(label(Step(m_failedStep - 1), false), m_failureMessage);
        return m_failureMessage.isEmpty() ? tr("failed") : tr("failed: %1").arg(m_failureMessage);
    }
    return {};
}

LifecycleStrip::Look LifecycleStrip::lookOf(Step step) const
{
    switch (m_stage) {
    case Stage::Stopped:
        return Look::Idle;
    case Stage::Listening:
        return step == ListenStep || step == AcceptStep || step == HandshakeStep ? Look::Active : Look::Done;
    case Stage::Paused:
        if (step == AcceptStep)
            return Look::Dimmed;
        return step == ListenStep ? Look::Active : Look::Done;
    case Stage::Failed:
        if (m_failedStep == 0)
            return Look::Idle;
        if (int(step) + 1 < m_failedStep)
            return Look::Done;
        return int(step) + 1 == m_failedStep ? Look::Failed : Look::Dimmed;
    }
    return Look::Idle;
}

QString LifecycleStrip::stepToolTip(Step step) const
{
    QString tip;
    switch (step) {
    case SocketStep:
        tip = tr("socket(): create the listening socket.");
        break;
    case BindStep:
        tip = tr("bind(): give it the address and port.");
        break;
    case ListenStep:
        tip = m_backlog > 0 ? tr("listen(%1): let the kernel complete handshakes and queue up to %1 connections "
                                 "for accept().")
                                  .arg(m_backlog)
                            : tr("listen(backlog): let the kernel complete handshakes and queue connections "
                                 "for accept().");
        break;
    case AcceptStep:
        tip = tr("accept(): take the next connection from the queue; %1 accepted.")
                  .arg(QLocale().toString(m_accepted));
        if (m_stage == Stage::Paused)
            tip += QLatin1Char('\n') + tr("Paused: new connections wait in the kernel's queue.");
        break;
    case HandshakeStep:
        tip = tr("TLS handshake: client and server agree on a version, a cipher and keys before any "
                 "application data; %1 completed, %2 failed.")
                  .arg(QLocale().toString(m_handshakesDone), QLocale().toString(m_handshakesFailed));
        break;
    case CloseStep:
        tip = tr("close(): end a connection; %1 closed.").arg(QLocale().toString(m_closed));
        break;
    case StepCount:
        break;
    }
    if (lookOf(step) == Look::Failed) {
        const QString cause = m_errnoName.isEmpty() ? m_failureMessage
                                                    : tr("%1: %2").arg(m_errnoName, m_failureMessage);
        tip = tr("Failed here: %1").arg(cause) + QLatin1Char('\n') + tip;
    }
    return tip;
}

int LifecycleStrip::naturalWidth(const QFont &font, const std::array<QString, StepCount> &labels) const
{
    const QFontMetrics metrics(font);
    int width = 2 * Margin + (shownCount() - 1) * MinArrow;
    for (int step = 0; step < StepCount; ++step) {
        if (isShown(Step(step)))
            width += metrics.horizontalAdvance(labels[size_t(step)]) + 2 * horizontalPadding(metrics);
    }
    return width;
}

LifecycleStrip::Placement LifecycleStrip::place() const
{
    Placement placement;
    placement.font = font();
    for (int step = 0; step < StepCount; ++step)
        placement.labels[size_t(step)] = label(Step(step), false);
    const int available = width();
    if (naturalWidth(placement.font, placement.labels) > available) {
        for (int step = 0; step < StepCount; ++step)
            placement.labels[size_t(step)] = label(Step(step), true);
    }
    // Still too wide: a smaller font, down to a floor; below it the boxes squeeze and elide.
    const QFont base = font();
    double scale = 1.0;
    while (naturalWidth(placement.font, placement.labels) > available && scale > MinFontScale) {
        scale *= 0.9;
        if (base.pointSizeF() > 0)
            placement.font.setPointSizeF(base.pointSizeF() * scale);
        else
            placement.font.setPixelSize(qMax(6, int(base.pixelSize() * scale)));
    }

    const QFontMetrics metrics(placement.font);
    const int padding = horizontalPadding(metrics);
    const int natural = naturalWidth(placement.font, placement.labels);
    const int extra = available - natural;
    const int arrows = shownCount() - 1;
    const int arrow = extra >= 0 ? qMin(MaxArrow, MinArrow + extra / arrows) : MinArrow;
    const int fixed = 2 * Margin + arrows * MinArrow;
    const double squeeze = extra >= 0 ? 1.0 : qMax(0.0, double(available - fixed) / double(natural - fixed));
    const int boxHeight = qMin(height() - 2 * Margin, metrics.height() + 2 * VerticalPadding);
    const int top = (height() - boxHeight) / 2;
    int x = Margin;
    for (int step = 0; step < StepCount; ++step) {
        if (!isShown(Step(step)))
            continue;
        const int boxWidth =
            int((metrics.horizontalAdvance(placement.labels[size_t(step)]) + 2 * padding) * squeeze);
        placement.boxes[size_t(step)] = QRect(x, top, boxWidth, boxHeight);
        x += boxWidth + arrow;
    }
    return placement;
}

void LifecycleStrip::changed()
{
    setToolTip(tr("The listening socket's life as the system calls go. Highlighted: where it is now."));
    setAccessibleDescription(text());
    update();
}

void LifecycleStrip::paintBox(QPainter &painter, const QRect &box, const QString &text, Look look) const
{
    const QPalette &colours = palette();
    QColor fill = Qt::transparent;
    QColor border = colours.color(QPalette::Mid);
    QColor ink = colours.color(QPalette::WindowText);
    Qt::PenStyle borderStyle = Qt::SolidLine;
    double borderWidth = 1.0;
    switch (look) {
    case Look::Idle:
        break;
    case Look::Done:
        fill = colours.color(QPalette::Button);
        ink = colours.color(QPalette::ButtonText);
        break;
    case Look::Active:
        fill = colours.color(QPalette::Highlight);
        border = fill.darker(125);
        ink = colours.color(QPalette::HighlightedText);
        break;
    case Look::Dimmed:
        ink = colours.color(QPalette::PlaceholderText);
        borderStyle = Qt::DashLine;
        break;
    case Look::Failed:
        border = KernelColours::error(colours);
        fill = KernelColours::tint(border, colours, 0.16);
        ink = border;
        borderWidth = 1.6;
        break;
    }

    const QRectF shape = QRectF(box).adjusted(borderWidth / 2, borderWidth / 2, -borderWidth / 2, -borderWidth / 2);
    painter.setPen(QPen(border, borderWidth, borderStyle));
    painter.setBrush(fill);
    painter.drawRoundedRect(shape, 4, 4);

    const QFontMetrics metrics(painter.font());
    const int padding = qMin(horizontalPadding(metrics), box.width() / 4);
    const QRect textArea = box.adjusted(padding, 0, -padding, 0);
    painter.setPen(ink);
    // Elided only when squeezed below the width the placement measured.
    const bool fits = metrics.horizontalAdvance(text) <= textArea.width();
    painter.drawText(textArea, Qt::AlignCenter,
                     fits ? text : metrics.elidedText(text, Qt::ElideRight, textArea.width()));
}

void LifecycleStrip::paintArrow(QPainter &painter, int fromX, int toX, int y) const
{
    const double start = fromX + 2.5;
    const double end = toX - 2.5;
    if (end - start < 6)
        return;
    QColor colour = palette().color(QPalette::WindowText);
    colour.setAlphaF(0.6f);
    const double head = qMin(5.0, (end - start) / 2);
    painter.setPen(QPen(colour, 1.3));
    painter.drawLine(QPointF(start, y + 0.5), QPointF(end - head + 1, y + 0.5));
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    const QPointF tip(end, y + 0.5);
    painter.drawPolygon(QPolygonF{tip, tip + QPointF(-head, -head * 0.7), tip + QPointF(-head, head * 0.7)});
}
