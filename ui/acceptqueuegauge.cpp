#include "acceptqueuegauge.h"

#include "kernelcolours.h"

#include <QEvent>
#include <QLocale>
#include <QPainter>
#include <QStyleOptionProgressBar>

namespace {

constexpr int BarPadding = 2; // above and below the text inside the bar
constexpr int LineSpacing = 2;

} // namespace

AcceptQueueGauge::AcceptQueueGauge(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setAccessibleName(tr("Accept queue"));
    changed();
}

AcceptQueueGauge::~AcceptQueueGauge() = default;

void AcceptQueueGauge::setQueue(int length, int backlog)
{
    length = qMax(0, length);
    backlog = qMax(0, backlog);
    if (length == m_length && backlog == m_backlog)
        return;
    m_length = length;
    m_backlog = backlog;
    changed();
}

void AcceptQueueGauge::setCounters(quint64 overflows, quint64 drops)
{
    if (overflows == m_overflows && drops == m_drops)
        return;
    m_overflows = overflows;
    m_drops = drops;
    changed();
}

void AcceptQueueGauge::setAvailable(bool queueAvailable, bool countersAvailable)
{
    if (queueAvailable == m_queueAvailable && countersAvailable == m_countersAvailable)
        return;
    m_queueAvailable = queueAvailable;
    m_countersAvailable = countersAvailable;
    changed();
}

void AcceptQueueGauge::setListening(bool listening)
{
    if (listening == m_listening)
        return;
    m_listening = listening;
    changed();
}

QString AcceptQueueGauge::text() const
{
    const QString counters = countersLine();
    return counters.isEmpty() ? queueLine() : queueLine() + QLatin1Char('\n') + counters;
}

QRect AcceptQueueGauge::barRect() const
{
    if (!showsBar())
        return {};
    const QFontMetrics metrics(font());
    return {0, 0, width(), metrics.height() + 2 * BarPadding};
}

bool AcceptQueueGauge::isFull() const
{
    return showsBar() && m_backlog > 0 && m_length >= m_backlog;
}

QSize AcceptQueueGauge::sizeHint() const
{
    const QFontMetrics metrics(font());
    const int counters = metrics.horizontalAdvance(tr("System-wide overflows %1 · drops %2")
                                                       .arg(QLocale().toString(999), QLocale().toString(999)));
    return {qMax(counters + metrics.averageCharWidth() * 2, metrics.averageCharWidth() * 36),
            2 * metrics.height() + 2 * BarPadding + LineSpacing};
}

QSize AcceptQueueGauge::minimumSizeHint() const
{
    const QFontMetrics metrics(font());
    return {metrics.averageCharWidth() * 20, sizeHint().height()};
}

void AcceptQueueGauge::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        updateGeometry();
    QWidget::changeEvent(event);
}

void AcceptQueueGauge::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QFontMetrics metrics(font());
    const QPalette &colours = palette();
    const QString counters = countersLine();

    if (!showsBar()) {
        // Nothing to measure: the reason, in the neutral colour, over both lines when needed.
        const QString reason = counters.isEmpty() ? queueLine() : queueLine() + QLatin1Char('\n') + counters;
        painter.setPen(colours.color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, reason);
        return;
    }

    QStyleOptionProgressBar bar;
    bar.initFrom(this);
    bar.rect = barRect();
    bar.minimum = 0;
    bar.maximum = qMax(1, m_backlog);
    bar.progress = qMin(m_length, bar.maximum);
    bar.text = metrics.elidedText(queueLine(), Qt::ElideRight, bar.rect.width() - 2 * BarPadding);
    bar.textVisible = true;
    bar.textAlignment = Qt::AlignCenter;
    bar.state |= QStyle::State_Horizontal;
    if (isFull()) {
        const QColor warning = KernelColours::warning(colours);
        bar.palette.setColor(QPalette::Highlight, warning);
        bar.palette.setColor(QPalette::HighlightedText, warning.lightness() > 150 ? Qt::black : Qt::white);
    }
    style()->drawControl(QStyle::CE_ProgressBar, &bar, &painter, this);

    if (counters.isEmpty())
        return;
    const QRect line(0, bar.rect.bottom() + 1 + LineSpacing, width(), metrics.height());
    const bool seen = m_countersAvailable && (m_overflows > 0 || m_drops > 0);
    painter.setPen(!m_countersAvailable ? colours.color(QPalette::PlaceholderText)
                   : seen               ? KernelColours::warning(colours)
                                        : colours.color(QPalette::WindowText));
    painter.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, metrics.elidedText(counters, Qt::ElideRight, width()));
}

QString AcceptQueueGauge::queueLine() const
{
    if (!m_listening)
        return tr("Accept queue: not listening");
    if (!m_queueAvailable)
        return tr("Accept queue: not available on this platform");
    const QLocale locale;
    return tr("Accept queue %1 / %2").arg(locale.toString(m_length), locale.toString(m_backlog));
}

QString AcceptQueueGauge::countersLine() const
{
    if (!m_listening)
        return {};
    if (!m_countersAvailable)
        return m_queueAvailable ? tr("Overflows and drops: not available on this platform") : QString();
    const QLocale locale;
    return tr("System-wide overflows %1 · drops %2").arg(locale.toString(m_overflows), locale.toString(m_drops));
}

bool AcceptQueueGauge::showsBar() const
{
    return m_listening && m_queueAvailable;
}

void AcceptQueueGauge::changed()
{
    // Rich text, so the tooltip wraps instead of running across the screen.
    const QString explanation =
        tr("The kernel's accept queue: connections whose handshake is complete, waiting for accept(), "
           "against the backlog given to listen(). When it is full the kernel turns new connections away.");
    const QString counters =
        tr("Overflows and drops are the kernel's counts for the whole system (ListenOverflows and ListenDrops "
           "in /proc/net/netstat), not for this listener alone: any listener on this machine adds to them. "
           "They count from when listening started.");
    setToolTip(QStringLiteral("<p>%1</p><p>%2</p><p>%3</p>")
                   .arg(explanation.toHtmlEscaped(), counters.toHtmlEscaped(),
                        text().toHtmlEscaped().replace(QLatin1Char('\n'), QLatin1String("<br>"))));
    setAccessibleDescription(text());
    update();
}
