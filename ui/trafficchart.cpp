#include "trafficchart.h"

#include "chartaxis.h"
#include "kernelcolours.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QPainter>
#include <QStyleOptionFrame>
#include <QToolTip>

#include <cmath>

namespace {

// A longer silence than this between two samples (the listener stopped, the window slept)
// breaks the lines instead of drawing a slope across it.
constexpr qint64 GapMs = 5000;

double sane(double value)
{
    return std::isfinite(value) && value > 0 ? value : 0.0;
}

} // namespace

// Where each part of the chart goes at the current size, and the scales of the two plots.
struct TrafficChart::Areas
{
    QRect openLegend;
    QRect openPlot;
    QRect rateLegend;
    QRect ratePlot;
    QRect timeAxis;
    ChartAxis::Scale open;
    ChartAxis::Scale rate;
    QRect labels; // the column left of the plots for the value axes
    qint64 latestMs = 0;
};

TrafficChart::TrafficChart(QWidget *parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAccessibleName(tr("Traffic chart"));
    samplesChanged();
}

TrafficChart::~TrafficChart() = default;

void TrafficChart::addSample(qint64 msSinceEpoch, int open, double bytesInPerSecond, double bytesOutPerSecond)
{
    m_samples.add({msSinceEpoch, qMax(0, open), sane(bytesInPerSecond), sane(bytesOutPerSecond)});
    samplesChanged();
}

void TrafficChart::clear()
{
    m_samples.clear();
    samplesChanged();
}

void TrafficChart::setSamples(const TrafficSamples &samples)
{
    const int window = windowSeconds();
    m_samples = samples;
    m_samples.setWindowSeconds(window);
    samplesChanged();
}

void TrafficChart::setWindowSeconds(int seconds)
{
    seconds = qBound(MinWindowSeconds, seconds, MaxWindowSeconds);
    if (seconds == windowSeconds())
        return;
    m_samples.setWindowSeconds(seconds);
    samplesChanged();
}

QString TrafficChart::text() const
{
    if (m_samples.isEmpty())
        return tr("Waiting for traffic");
    const Sample &latest = m_samples.latest();
    return tr("Open connections %1 · in %2 · out %3")
        .arg(latest.open)
        .arg(rateText(latest.in), rateText(latest.out));
}

QString TrafficChart::rateText(double bytesPerSecond)
{
    return ChartAxis::rateText(bytesPerSecond);
}

QSize TrafficChart::sizeHint() const
{
    const QFontMetrics metrics(font());
    return {metrics.averageCharWidth() * 64, metrics.height() * 14};
}

QSize TrafficChart::minimumSizeHint() const
{
    const QFontMetrics metrics(font());
    return {metrics.averageCharWidth() * 36, metrics.height() * 9};
}

bool TrafficChart::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString values = toolTipAt(help->pos());
        if (!values.isEmpty()) {
            QToolTip::showText(help->globalPos(), values, this);
            return true;
        }
    }
    return QWidget::event(event);
}

void TrafficChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        updateGeometry();
    QWidget::changeEvent(event);
}

void TrafficChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    QStyleOptionFrame frame;
    frame.initFrom(this);
    frame.lineWidth = style()->pixelMetric(QStyle::PM_DefaultFrameWidth, &frame, this);
    frame.state |= QStyle::State_Sunken;
    style()->drawPrimitive(QStyle::PE_Frame, &frame, &painter, this);

    if (m_samples.isEmpty()) {
        paintEmpty(painter);
        return;
    }
    const Areas areas = computeAreas();
    painter.setRenderHint(QPainter::Antialiasing);
    paintGrid(painter, areas);
    paintSeries(painter, areas);
    paintLegends(painter, areas);
}

void TrafficChart::samplesChanged()
{
    setToolTip(tr("Open connections (top) and bytes per second received, in, and sent, out (bottom), "
                  "over the last %1; the newest sample is at the right edge.\n%2")
                   .arg(windowText(), text()));
    setAccessibleDescription(text());
    update();
}

QString TrafficChart::windowText() const
{
    if (windowSeconds() % 60 == 0)
        return tr("%1 min").arg(windowSeconds() / 60);
    return tr("%1 s").arg(windowSeconds());
}

TrafficChart::Areas TrafficChart::computeAreas() const
{
    Areas areas;
    int maxOpen = 0;
    double maxRate = 0;
    for (qsizetype i = 0; i < m_samples.size(); ++i) {
        const Sample &sample = m_samples.at(i);
        maxOpen = qMax(maxOpen, sample.open);
        maxRate = qMax(maxRate, qMax(sample.in, sample.out));
    }
    areas.latestMs = m_samples.isEmpty() ? 0 : m_samples.latest().ms;
    areas.open = ChartAxis::countScale(maxOpen);
    areas.rate = ChartAxis::rateScale(maxRate);

    const QFontMetrics metrics(font());
    const int line = metrics.height();
    const int margin = qMax(4, line / 3);
    const QString zero = QStringLiteral("0");
    const int labelWidth = qMax(metrics.horizontalAdvance(zero),
                                qMax(metrics.horizontalAdvance(areas.open.label),
                                     metrics.horizontalAdvance(areas.rate.label)));
    const QRect inner = rect().adjusted(margin, margin / 2, -margin, -margin / 2);
    areas.labels = QRect(inner.left(), inner.top(), labelWidth, inner.height());
    const int left = inner.left() + labelWidth + metrics.averageCharWidth();
    const int width = qMax(1, inner.right() - left + 1);
    const int spacing = 2;
    const int plots = qMax(16, inner.height() - 3 * line - 3 * spacing - margin);
    const int openHeight = qMax(8, plots * 2 / 5);
    const int rateHeight = qMax(8, plots - openHeight);

    int y = inner.top();
    areas.openLegend = QRect(left, y, width, line);
    y += line + spacing;
    areas.openPlot = QRect(left, y, width, openHeight);
    y += openHeight + margin;
    areas.rateLegend = QRect(left, y, width, line);
    y += line + spacing;
    areas.ratePlot = QRect(left, y, width, rateHeight);
    y += rateHeight + spacing;
    areas.timeAxis = QRect(left, y, width, line);
    return areas;
}

QString TrafficChart::toolTipAt(const QPoint &pos) const
{
    if (m_samples.isEmpty())
        return {};
    const Areas areas = computeAreas();
    const QRect plot = areas.openPlot.contains(pos) ? areas.openPlot : areas.ratePlot;
    if (!plot.contains(pos))
        return {};
    const double span = double(windowSeconds()) * 1000.0;
    const double ms = double(areas.latestMs) - double(plot.right() - pos.x()) / double(plot.width()) * span;
    qsizetype nearest = 0;
    for (qsizetype i = 1; i < m_samples.size(); ++i) {
        if (std::abs(double(m_samples.at(i).ms) - ms) < std::abs(double(m_samples.at(nearest).ms) - ms))
            nearest = i;
    }
    const Sample &sample = m_samples.at(nearest);
    // Where the chart has no sample near the cursor, the chart's own tooltip says what it shows.
    const double tolerance = qMax(double(GapMs) / 2, 4.0 * span / double(plot.width()));
    if (std::abs(double(sample.ms) - ms) > tolerance)
        return {};
    return tr("%1\nOpen connections %2\nIn %3\nOut %4")
        .arg(QDateTime::fromMSecsSinceEpoch(sample.ms).toString(QStringLiteral("hh:mm:ss")))
        .arg(sample.open)
        .arg(rateText(sample.in), rateText(sample.out));
}

void TrafficChart::paintEmpty(QPainter &painter) const
{
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(rect(), Qt::AlignCenter, tr("Waiting for traffic"));
}

void TrafficChart::paintGrid(QPainter &painter, const Areas &areas) const
{
    const QFontMetrics metrics(font());
    QColor grid = palette().color(QPalette::Text);
    grid.setAlphaF(0.12f);
    QColor axis = palette().color(QPalette::Text);
    axis.setAlphaF(0.4f);
    const QColor label = palette().color(QPalette::PlaceholderText);

    // Time ticks: the smallest round step whose labels do not run into each other, even the end
    // ones, which are moved inside the chart by half their width.
    const int tickLabelWidth = metrics.horizontalAdvance(QStringLiteral("-000 s"));
    const int spacing = tickLabelWidth * 3 / 2 + metrics.averageCharWidth();
    const int fits = qMax(1, areas.openPlot.width() / spacing + 1);
    const int step = ChartAxis::timeStep(windowSeconds(), fits);
    const double pxPerSecond = double(areas.openPlot.width()) / double(windowSeconds());

    for (const QRect &plot : {areas.openPlot, areas.ratePlot}) {
        painter.setPen(QPen(grid, 1));
        const double middle = plot.top() + plot.height() / 2.0;
        painter.drawLine(QPointF(plot.left(), plot.top() + 0.5), QPointF(plot.right() + 1, plot.top() + 0.5));
        painter.drawLine(QPointF(plot.left(), middle), QPointF(plot.right() + 1, middle));
        for (int age = step; age <= windowSeconds(); age += step) {
            const double x = plot.right() + 0.5 - age * pxPerSecond;
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom() + 1));
        }
        painter.setPen(QPen(axis, 1));
        painter.drawLine(QPointF(plot.left(), plot.bottom() + 0.5), QPointF(plot.right() + 1, plot.bottom() + 0.5));

        painter.setPen(label);
        const QString top = plot == areas.openPlot ? areas.open.label : areas.rate.label;
        const int half = metrics.height() / 2;
        const int labelLeft = areas.labels.left();
        const int labelWidth = areas.labels.width();
        painter.drawText(QRect(labelLeft, plot.top() - half, labelWidth, metrics.height()),
                         Qt::AlignRight | Qt::AlignVCenter, top);
        painter.drawText(QRect(labelLeft, plot.bottom() - half, labelWidth, metrics.height()),
                         Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("0"));
    }

    painter.setPen(label);
    const QRect axisArea = areas.timeAxis;
    for (int age = 0; age <= windowSeconds(); age += step) {
        const QString text = ChartAxis::ageText(age, step);
        const int textWidth = metrics.horizontalAdvance(text);
        const int x = qRound(axisArea.right() + 0.5 - age * pxPerSecond);
        int textLeft = x - textWidth / 2;
        textLeft = qBound(axisArea.left(), textLeft, axisArea.right() + 1 - textWidth);
        painter.drawText(QRect(textLeft, axisArea.top(), textWidth, axisArea.height()), Qt::AlignCenter, text);
    }
}

void TrafficChart::paintSeries(QPainter &painter, const Areas &areas) const
{
    const double span = double(windowSeconds()) * 1000.0;
    const auto xFor = [&](const QRect &plot, qint64 ms) {
        return plot.right() + 0.5 - double(areas.latestMs - ms) / span * (plot.width() - 1);
    };
    const auto yFor = [](const QRect &plot, double value, double top) {
        return plot.bottom() + 0.5 - qMin(value / top, 1.0) * (plot.height() - 1);
    };

    // One series: a line per run of samples without a gap, optionally filled down to zero,
    // and a dot on the newest value.
    const auto drawSeries = [&](const QRect &plot, const QColor &colour, bool fill, auto valueOf, double top) {
        painter.save();
        // Room past the right edge for the dot on the newest value.
        painter.setClipRect(plot.adjusted(0, -3, 4, 1));
        QColor area = colour;
        area.setAlphaF(0.18f);
        QPolygonF run;
        const auto flush = [&] {
            if (run.size() == 1) {
                painter.setPen(Qt::NoPen);
                painter.setBrush(colour);
                painter.drawEllipse(run.first(), 1.5, 1.5);
            } else if (run.size() > 1) {
                if (fill) {
                    QPolygonF shape = run;
                    shape << QPointF(run.last().x(), plot.bottom() + 1) << QPointF(run.first().x(), plot.bottom() + 1);
                    painter.setPen(Qt::NoPen);
                    painter.setBrush(area);
                    painter.drawPolygon(shape);
                }
                painter.setPen(QPen(colour, 1.6, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
                painter.setBrush(Qt::NoBrush);
                painter.drawPolyline(run);
            }
            run.clear();
        };
        for (qsizetype i = 0; i < m_samples.size(); ++i) {
            const Sample &sample = m_samples.at(i);
            if (i > 0 && sample.ms - m_samples.at(i - 1).ms > GapMs)
                flush();
            run << QPointF(xFor(plot, sample.ms), yFor(plot, valueOf(sample), top));
        }
        const QPointF newest = run.last();
        flush();
        painter.setPen(QPen(palette().color(QPalette::Base), 1));
        painter.setBrush(colour);
        painter.drawEllipse(newest, 3.0, 3.0);
        painter.restore();
    };

    const QPalette &colours = palette();
    drawSeries(areas.openPlot, KernelColours::connections(colours), true,
               [](const Sample &sample) { return double(sample.open); }, areas.open.top);
    drawSeries(areas.ratePlot, KernelColours::bytesIn(colours), true,
               [](const Sample &sample) { return sample.in; }, areas.rate.top);
    drawSeries(areas.ratePlot, KernelColours::bytesOut(colours), false,
               [](const Sample &sample) { return sample.out; }, areas.rate.top);
}

void TrafficChart::paintLegends(QPainter &painter, const Areas &areas) const
{
    const QFontMetrics metrics(font());
    const Sample &latest = m_samples.latest();
    const int swatch = qMax(6, metrics.ascent() * 3 / 4);
    const int gap = metrics.averageCharWidth();

    // Each item: a swatch in the series' colour, then its name and latest value, cut short
    // with an ellipsis when the chart is too narrow for it.
    const auto drawItems = [&](const QRect &area, const QList<std::pair<QColor, QString>> &items) {
        int x = area.left();
        for (const auto &[colour, text] : items) {
            const int room = area.right() + 1 - x - swatch - gap;
            if (room <= metrics.averageCharWidth() * 2)
                break;
            painter.setPen(Qt::NoPen);
            painter.setBrush(colour);
            painter.drawRoundedRect(QRectF(x, area.center().y() + 1 - swatch / 2.0, swatch, swatch), 2, 2);
            x += swatch + gap;
            const QString shown = metrics.elidedText(text, Qt::ElideRight, room);
            painter.setPen(palette().color(QPalette::Text));
            painter.drawText(QRect(x, area.top(), room, area.height()), Qt::AlignLeft | Qt::AlignVCenter, shown);
            x += metrics.horizontalAdvance(shown) + gap * 3;
        }
    };
    const QPalette &colours = palette();
    drawItems(areas.openLegend, {{KernelColours::connections(colours), tr("Open connections %1").arg(latest.open)}});
    drawItems(areas.rateLegend, {{KernelColours::bytesIn(colours), tr("In %1").arg(rateText(latest.in))},
                                 {KernelColours::bytesOut(colours), tr("Out %1").arg(rateText(latest.out))}});
}
