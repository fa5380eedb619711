// The kernel view's painted widgets, rendered at realistic sizes and checked pixel by pixel.
#include "acceptqueuegauge.h"
#include "chartaxis.h"
#include "kernelcolours.h"
#include "lifecyclestrip.h"
#include "trafficchart.h"

#include <QHelpEvent>
#include <QImage>
#include <QSet>
#include <QToolTip>
#include <QTextDocument>
#include <QtTest>

#include <cmath>
#include <functional>
#include <limits>

namespace {

constexpr qint64 Start = 1700000000000; // any fixed moment: the chart's time axis is relative

QImage render(QWidget &widget, const QSize &size)
{
    widget.resize(size);
    return widget.grab().toImage().convertToFormat(QImage::Format_RGB32);
}

QSet<QRgb> colours(const QImage &image, QRect area = {})
{
    if (area.isNull())
        area = image.rect();
    area &= image.rect();
    QSet<QRgb> found;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x)
            found.insert(image.pixel(x, y) | 0xff000000u);
    }
    return found;
}

int countPixels(const QImage &image, QRect area, const std::function<bool(QRgb)> &matches)
{
    area &= image.rect();
    int count = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x)
            count += matches(image.pixel(x, y)) ? 1 : 0;
    }
    return count;
}

int countColour(const QImage &image, const QRect &area, const QColor &colour)
{
    const QRgb wanted = colour.rgb() | 0xff000000u;
    return countPixels(image, area, [wanted](QRgb pixel) { return (pixel | 0xff000000u) == wanted; });
}

int differingPixels(const QImage &a, const QImage &b)
{
    if (a.size() != b.size())
        return std::numeric_limits<int>::max();
    int count = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x)
            count += a.pixel(x, y) != b.pixel(x, y) ? 1 : 0;
    }
    return count;
}

bool reddish(QRgb pixel)
{
    return qRed(pixel) > qGreen(pixel) + 60 && qRed(pixel) > qBlue(pixel) + 60;
}

bool saturated(QRgb pixel)
{
    return QColor(pixel).hsvSaturation() > 90 && QColor(pixel).value() > 60;
}

double meanLightness(const QImage &image)
{
    double sum = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            sum += QColor(image.pixel(x, y)).lightness();
    }
    return sum / double(image.width() * image.height());
}

int colourDistance(QRgb a, QRgb b)
{
    return std::abs(qRed(a) - qRed(b)) + std::abs(qGreen(a) - qGreen(b)) + std::abs(qBlue(a) - qBlue(b));
}

QPalette darkPalette()
{
    QPalette palette;
    const QColor window(0x2b, 0x2b, 0x2b);
    const QColor text(0xe6, 0xe6, 0xe6);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    palette.setColor(QPalette::AlternateBase, window);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::Mid, QColor(0x60, 0x60, 0x60));
    palette.setColor(QPalette::Highlight, QColor(0x2a, 0x82, 0xda));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    return palette;
}

void feed(TrafficChart &chart, int first, int count, qint64 stepMs = 1000)
{
    for (int i = first; i < first + count; ++i)
        chart.addSample(Start + i * stepMs, i % 10, 2048.0 * (i % 60), 300.0 * (i % 7));
}

// Shows a tooltip as hovering does, and returns what it says.
QString toolTipAt(QWidget &widget, const QPoint &pos)
{
    QHelpEvent help(QEvent::ToolTip, pos, widget.mapToGlobal(pos));
    QCoreApplication::sendEvent(&widget, &help);
    return QToolTip::isVisible() ? QToolTip::text() : QString();
}

} // namespace

class TestKernelWidgets final : public QObject
{
    Q_OBJECT

private slots:
    void cleanup();

    void chartEmptySaysWaiting();
    void chartDrawsSamplesAndLegend();
    void chartRateUnits();
    void chartAxisScales();
    void chartKeepsOnlyItsWindow();
    void chartClearAndClockGoingBack();
    void chartFollowsPalette();
    void chartToolTipShowsSampleUnderCursor();

    void stripHighlightsCurrentStep();
    void stripFailedStepInErrorColour();
    void stripFitsWithoutClipping();
    void stripToolTipsArePlainText();
    void stripHandshakeStepOnlyForTls();

    void gaugeFillGrowsWithLength();
    void gaugeWarnsWhenFull();
    void gaugeCounters();
    void gaugeNotAvailableOrNotListening();
    void gaugeFollowsPalette();
};

void TestKernelWidgets::cleanup()
{
    QToolTip::hideText();
}

void TestKernelWidgets::chartEmptySaysWaiting()
{
    TrafficChart chart;
    QCOMPARE(chart.text(), QStringLiteral("Waiting for traffic"));
    QCOMPARE(chart.sampleCount(), 0);
    QCOMPARE(chart.windowSeconds(), 300);
    const QImage image = render(chart, QSize(480, 240));
    QVERIFY(!image.isNull());
    QVERIFY2(colours(image).size() >= 3, "the empty chart draws its message, not a blank");
    // The message sits in the middle.
    const QRgb base = chart.palette().color(QPalette::Base).rgb();
    const QRect middle(image.width() / 4, image.height() / 3, image.width() / 2, image.height() / 3);
    QVERIFY(countPixels(image, middle, [base](QRgb pixel) { return colourDistance(pixel, base) > 100; }) > 30);
    QVERIFY(!chart.toolTip().isEmpty());
}

void TestKernelWidgets::chartDrawsSamplesAndLegend()
{
    TrafficChart empty;
    const QImage before = render(empty, QSize(480, 240));

    TrafficChart chart;
    feed(chart, 0, 120);
    QCOMPARE(chart.sampleCount(), 120);
    // The newest sample: i = 119 → 9 open, 59 × 2 KiB/s in, 0 out.
    QCOMPARE(chart.text(), QStringLiteral("Open connections 9 · in 118.0 KiB/s · out 0 B/s"));
    const QImage image = render(chart, QSize(480, 240));
    QVERIFY(differingPixels(before, image) > image.width() * image.height() / 50);
    QVERIFY(colours(image).size() > 20);

    // Every series is drawn in its colour (the legend swatches at least hold the exact colour);
    // none of them is in the empty chart.
    const QPalette &palette = chart.palette();
    for (const QColor &series : {KernelColours::connections(palette), KernelColours::bytesIn(palette),
                                 KernelColours::bytesOut(palette)}) {
        QVERIFY2(countColour(image, image.rect(), series) > 10, qPrintable(series.name()));
        QCOMPARE(countColour(before, before.rect(), series), 0);
    }

    // Busier traffic draws a different picture at the same size.
    TrafficChart busier;
    for (int i = 0; i < 120; ++i)
        busier.addSample(Start + i * 1000, 40, 5e6, 2e6);
    QVERIFY(differingPixels(render(busier, QSize(480, 240)), image) > 500);
    QCOMPARE(busier.text(), QStringLiteral("Open connections 40 · in 4.8 MiB/s · out 1.9 MiB/s"));

    // Small sizes still draw something of each series.
    const QImage small = render(chart, chart.minimumSizeHint());
    QVERIFY(countColour(small, small.rect(), KernelColours::bytesIn(palette)) > 0);
    QVERIFY(chart.sizeHint().width() > chart.minimumSizeHint().width());
    QVERIFY(chart.sizeHint().height() > chart.minimumSizeHint().height());
}

void TestKernelWidgets::chartRateUnits()
{
    QCOMPARE(TrafficChart::rateText(0), QStringLiteral("0 B/s"));
    QCOMPARE(TrafficChart::rateText(512), QStringLiteral("512 B/s"));
    QCOMPARE(TrafficChart::rateText(1536), QStringLiteral("1.5 KiB/s"));
    QCOMPARE(TrafficChart::rateText(3.0 * 1024 * 1024), QStringLiteral("3.0 MiB/s"));
    QCOMPARE(TrafficChart::rateText(2.5 * 1024 * 1024 * 1024), QStringLiteral("2.5 GiB/s"));
    QCOMPARE(TrafficChart::rateText(std::nan("")), QStringLiteral("0 B/s"));
    QCOMPARE(TrafficChart::rateText(-5), QStringLiteral("0 B/s"));
}

void TestKernelWidgets::chartAxisScales()
{
    const auto check = [](const ChartAxis::Scale &scale, double top, const QString &label) {
        return qFuzzyCompare(scale.top, top) && scale.label == label;
    };
    QVERIFY(check(ChartAxis::countScale(0), 1, QStringLiteral("1")));
    QVERIFY(check(ChartAxis::countScale(3), 5, QStringLiteral("5")));
    QVERIFY(check(ChartAxis::countScale(12), 20, QStringLiteral("20")));
    QVERIFY(check(ChartAxis::countScale(10000), 10000, QStringLiteral("10000")));
    QVERIFY(check(ChartAxis::rateScale(0), 1024, QStringLiteral("1 KiB/s")));
    QVERIFY(check(ChartAxis::rateScale(3), 10, QStringLiteral("10 B/s")));
    QVERIFY(check(ChartAxis::rateScale(400), 500, QStringLiteral("500 B/s")));
    QVERIFY(check(ChartAxis::rateScale(700), 1024, QStringLiteral("1 KiB/s")));
    QVERIFY(check(ChartAxis::rateScale(300 * 1024), 500 * 1024, QStringLiteral("500 KiB/s")));
    QVERIFY(check(ChartAxis::rateScale(3e6), 5 * 1024 * 1024, QStringLiteral("5 MiB/s")));
    QCOMPARE(ChartAxis::ageText(0, 30), QStringLiteral("now"));
    QCOMPARE(ChartAxis::ageText(30, 30), QStringLiteral("-30 s"));
    // One unit per axis: a 30 s step reads in seconds all along, never "-1 min" between them.
    QCOMPARE(ChartAxis::ageText(60, 30), QStringLiteral("-60 s"));
    QCOMPARE(ChartAxis::ageText(270, 30), QStringLiteral("-270 s"));
    QCOMPARE(ChartAxis::ageText(300, 60), QStringLiteral("-5 min"));
    QCOMPARE(ChartAxis::ageText(240, 120), QStringLiteral("-4 min"));
    QCOMPARE(ChartAxis::ageText(3600, 3600), QStringLiteral("-1 h"));
    QCOMPARE(ChartAxis::timeStep(300, 6), 60);  // now, -1 min … -5 min
    QCOMPARE(ChartAxis::timeStep(300, 5), 120);
    QCOMPARE(ChartAxis::timeStep(300, 2), 300);
    QCOMPARE(ChartAxis::timeStep(60, 100), 5);
}

void TestKernelWidgets::chartKeepsOnlyItsWindow()
{
    TrafficChart chart;
    chart.setWindowSeconds(60);
    QCOMPARE(chart.windowSeconds(), 60);
    const int capacity = chart.capacity();
    QVERIFY(capacity >= 60 && capacity <= 130);
    feed(chart, 0, 1000);
    // The newest sample and the 60 seconds before it.
    QCOMPARE(chart.sampleCount(), 61);
    QCOMPARE(chart.capacity(), capacity);

    // What fell out of the window leaves no trace: the picture is the one of the last minute alone.
    TrafficChart lastMinute;
    lastMinute.setWindowSeconds(60);
    feed(lastMinute, 1000 - 61, 61);
    QCOMPARE(lastMinute.sampleCount(), 61);
    const QImage kept = render(chart, QSize(480, 240));
    QCOMPARE(kept, render(lastMinute, QSize(480, 240)));
    QVERIFY(colours(kept).size() > 20);

    // Samples far faster than once a second: memory stays at the capacity.
    feed(chart, 100000, 5000, 10);
    QVERIFY(chart.sampleCount() <= capacity);
    QCOMPARE(chart.sampleCount(), capacity);

    // A narrower window drops what no longer fits; a wider one keeps what it has.
    chart.setWindowSeconds(5); // clamped to the minimum
    QCOMPARE(chart.windowSeconds(), TrafficChart::MinWindowSeconds);
    QVERIFY(chart.sampleCount() <= chart.capacity());
    chart.setWindowSeconds(600);
    QVERIFY(chart.sampleCount() > 0);
}

void TestKernelWidgets::chartClearAndClockGoingBack()
{
    TrafficChart empty;
    const QImage blank = render(empty, QSize(400, 200));

    TrafficChart chart;
    feed(chart, 0, 30);
    QVERIFY(render(chart, QSize(400, 200)) != blank);
    chart.clear();
    QCOMPARE(chart.sampleCount(), 0);
    QCOMPARE(chart.text(), QStringLiteral("Waiting for traffic"));
    QCOMPARE(render(chart, QSize(400, 200)), blank);

    feed(chart, 0, 30);
    chart.addSample(Start + 5000, 1, 0, 0); // earlier than the newest: the clock went back
    QCOMPARE(chart.sampleCount(), 1);
    chart.addSample(Start + 5000, 3, 10, 0); // the same moment again replaces it
    QCOMPARE(chart.sampleCount(), 1);
    QVERIFY(chart.text().startsWith(QStringLiteral("Open connections 3 ")));
}

void TestKernelWidgets::chartFollowsPalette()
{
    TrafficChart light;
    feed(light, 0, 90);
    const QImage lightImage = render(light, QSize(480, 240));
    QVERIFY(meanLightness(lightImage) > 150);

    TrafficChart dark;
    dark.setPalette(darkPalette());
    feed(dark, 0, 90);
    const QImage darkImage = render(dark, QSize(480, 240));
    QVERIFY(meanLightness(darkImage) < 90);
    // The series take their dark-background variants, which the light chart does not use.
    QVERIFY(countColour(darkImage, darkImage.rect(), KernelColours::bytesIn(dark.palette())) > 10);
    QCOMPARE(countColour(lightImage, lightImage.rect(), KernelColours::bytesIn(dark.palette())), 0);
}

void TestKernelWidgets::chartToolTipShowsSampleUnderCursor()
{
    TrafficChart chart;
    // Two minutes of quiet, then half a minute of busier traffic.
    for (int i = 0; i < 120; ++i)
        chart.addSample(Start + i * 1000, 2, 100, 0);
    for (int i = 120; i < 150; ++i)
        chart.addSample(Start + i * 1000, 9, 3 * 1024 * 1024, 1024);
    chart.resize(480, 240);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    // Near the right edge of the upper plot: the busy samples.
    const QString newest = toolTipAt(chart, QPoint(chart.width() - 12, chart.height() * 3 / 10));
    QVERIFY2(newest.contains(QStringLiteral("Open connections 9")), qPrintable(newest));
    QVERIFY(newest.contains(QStringLiteral("In 3.0 MiB/s")));
    QVERIFY(newest.contains(QStringLiteral("Out 1.0 KiB/s")));
    // Halfway across the lower plot: the quiet ones (the window is 5 minutes, 2.5 of them drawn).
    QToolTip::hideText();
    const QString quiet = toolTipAt(chart, QPoint(chart.width() * 3 / 4, chart.height() * 7 / 10));
    QVERIFY2(quiet.contains(QStringLiteral("Open connections 2")), qPrintable(quiet));
    QVERIFY(quiet.contains(QStringLiteral("In 100 B/s")));
    // Where no sample was taken yet, and outside the plots: what the chart shows.
    for (const QPoint &pos : {QPoint(chart.width() / 3, chart.height() * 3 / 10), QPoint(2, 2)}) {
        QToolTip::hideText();
        const QString general = toolTipAt(chart, pos);
        QVERIFY2(general.contains(QStringLiteral("last 5 min")), qPrintable(general));
    }
}

void TestKernelWidgets::stripHighlightsCurrentStep()
{
    LifecycleStrip strip;
    strip.setBacklog(5);
    strip.setCounts(12, 10);
    const QSize size(700, strip.sizeHint().height());
    const QColor highlight = strip.palette().color(QPalette::Highlight);
    const auto highlighted = [&](const QImage &image, LifecycleStrip::Step step) {
        const QRect box = strip.stepRect(step);
        return countColour(image, box, highlight) > box.width() * box.height() / 4;
    };

    const QImage stopped = render(strip, size);
    QVERIFY(colours(stopped).size() > 3);
    QCOMPARE(countColour(stopped, stopped.rect(), highlight), 0);
    QCOMPARE(strip.text(),
             QStringLiteral("socket() → bind() → listen(5) → accept() · 12 → close() · 10: stopped"));

    strip.setStage(LifecycleStrip::Stage::Listening);
    const QImage listening = render(strip, size);
    QVERIFY(!highlighted(listening, LifecycleStrip::SocketStep));
    QVERIFY(!highlighted(listening, LifecycleStrip::BindStep));
    QVERIFY(highlighted(listening, LifecycleStrip::ListenStep));
    QVERIFY(highlighted(listening, LifecycleStrip::AcceptStep));
    QVERIFY(!highlighted(listening, LifecycleStrip::CloseStep));
    QVERIFY(strip.text().endsWith(QStringLiteral(": listening")));

    strip.setStage(LifecycleStrip::Stage::Paused);
    const QImage paused = render(strip, size);
    QVERIFY(highlighted(paused, LifecycleStrip::ListenStep));
    QVERIFY(!highlighted(paused, LifecycleStrip::AcceptStep));
    QVERIFY(strip.text().contains(QStringLiteral("accept() · 12 · paused")));
    // The dimmed accept() box reads differently from the active one.
    const QRect acceptBox = strip.stepRect(LifecycleStrip::AcceptStep);
    QVERIFY(colours(paused, acceptBox) != colours(listening, acceptBox));

    // New counts change what accept() and close() show.
    strip.setStage(LifecycleStrip::Stage::Listening);
    strip.setCounts(13, 10);
    QVERIFY(strip.text().contains(QStringLiteral("accept() · 13")));
    const QImage counted = render(strip, size);
    QVERIFY(differingPixels(counted, listening) > 0);
    // Only accept() changed: everything left of it is as it was.
    const QRect before(0, 0, strip.stepRect(LifecycleStrip::AcceptStep).left(), size.height());
    QCOMPARE(counted.copy(before), listening.copy(before));
    QVERIFY(differingPixels(counted.copy(strip.stepRect(LifecycleStrip::AcceptStep)),
                            listening.copy(strip.stepRect(LifecycleStrip::AcceptStep)))
            > 0);
}

void TestKernelWidgets::stripFailedStepInErrorColour()
{
    LifecycleStrip strip;
    strip.setBacklog(5);
    strip.setStage(LifecycleStrip::Stage::Listening);
    const QSize size(700, strip.sizeHint().height());
    const QImage normal = render(strip, size);
    QCOMPARE(countPixels(normal, normal.rect(), reddish), 0);

    strip.setFailure(2, QStringLiteral("EADDRINUSE"), QStringLiteral("Port 9000 is already in use on 127.0.0.1"));
    strip.setStage(LifecycleStrip::Stage::Failed);
    const QImage failed = render(strip, size);
    const QRect bind = strip.stepRect(LifecycleStrip::BindStep);
    // The failed box holds colours the normal strip never uses, reds among them, and only it does.
    const QSet<QRgb> normalColours = colours(normal);
    QVERIFY(countPixels(failed, bind, [&](QRgb pixel) { return !normalColours.contains(pixel | 0xff000000u); })
            > bind.width());
    QVERIFY(countPixels(failed, bind, reddish) > bind.width());
    QVERIFY(countColour(failed, bind, KernelColours::error(strip.palette())) > 0);
    for (const auto step : {LifecycleStrip::SocketStep, LifecycleStrip::ListenStep, LifecycleStrip::AcceptStep,
                            LifecycleStrip::CloseStep})
        QCOMPARE(countPixels(failed, strip.stepRect(step), reddish), 0);
    QVERIFY(strip.text().contains(QStringLiteral("bind() EADDRINUSE")));
    QVERIFY(strip.text().endsWith(
        QStringLiteral("bind() EADDRINUSE failed: Port 9000 is already in use on 127.0.0.1")));
    // Nothing is highlighted as current while failed.
    QCOMPARE(countColour(failed, failed.rect(), strip.palette().color(QPalette::Highlight)), 0);

    // listen() failing moves the error there.
    strip.setFailure(3, QStringLiteral("EACCES"), QStringLiteral("Permission denied"));
    const QImage listenFailed = render(strip, size);
    QVERIFY(countPixels(listenFailed, strip.stepRect(LifecycleStrip::ListenStep), reddish) > 0);
    QCOMPARE(countPixels(listenFailed, strip.stepRect(LifecycleStrip::BindStep), reddish), 0);

    // Listening again, the failure is no longer drawn.
    strip.setStage(LifecycleStrip::Stage::Listening);
    QCOMPARE(countPixels(render(strip, size), QRect(0, 0, size.width(), size.height()), reddish), 0);
}

void TestKernelWidgets::stripFitsWithoutClipping()
{
    LifecycleStrip strip;
    QFontMetrics metrics(strip.font());
    QVERIFY(strip.sizeHint().height() <= metrics.height() + 16);
    QVERIFY(strip.sizeHint().height() >= metrics.height() + 4);
    QVERIFY(strip.sizeHint().width() <= 700);
    QVERIFY(strip.minimumSizeHint().width() < strip.sizeHint().width());

    // The widest labels at once: a long errno name and large counts, paused.
    strip.setBacklog(65535);
    strip.setCounts(123456789, 123456700);
    strip.setStage(LifecycleStrip::Stage::Paused);
    strip.setHandshakeCounts(123456000, 789);
    for (const bool tls : {false, true}) {
    strip.setTls(tls);
    for (const int width : {700, 520, 360}) {
        const QSize size(width, strip.sizeHint().height());
        const QImage image = render(strip, size);
        const QRgb background = image.pixel(image.width() - 1, 0);
        int previousRight = -1;
        for (int step = 0; step < LifecycleStrip::StepCount; ++step) {
            const QRect box = strip.stepRect(LifecycleStrip::Step(step));
            if (!tls && step == LifecycleStrip::HandshakeStep) {
                QVERIFY(box.isEmpty()); // a plain listener has no handshake box
                continue;
            }
            QVERIFY2(QRect(QPoint(0, 0), size).contains(box), qPrintable(QString::number(width)));
            QVERIFY(box.left() > previousRight);
            previousRight = box.right();
            // Each box is drawn: its border and text differ from the background.
            QVERIFY(countPixels(image, box, [&](QRgb pixel) { return colourDistance(pixel, background) > 60; })
                    > 20);
        }
        // Nothing touches the right edge, where a clipped box would end.
        QCOMPARE(countPixels(image, QRect(width - 1, 0, 1, size.height()),
                             [&](QRgb pixel) { return pixel != background; }),
                 0);
    }
    }
    QVERIFY(strip.text().contains(QStringLiteral("listen(65535)")));
}

void TestKernelWidgets::stripToolTipsArePlainText()
{
    LifecycleStrip strip;
    strip.setBacklog(5);
    strip.setFailure(2, QStringLiteral("EADDRINUSE"), QStringLiteral("<b>in use</b>"));
    strip.setStage(LifecycleStrip::Stage::Failed);
    strip.resize(700, strip.sizeHint().height());
    strip.show();
    QVERIFY(QTest::qWaitForWindowExposed(&strip));

    const QString bind = toolTipAt(strip, strip.stepRect(LifecycleStrip::BindStep).center());
    QVERIFY2(bind.contains(QStringLiteral("EADDRINUSE")), qPrintable(bind));
    // The message reads literally: escaped, never taken as markup.
    QVERIFY2(bind.contains(QStringLiteral("&lt;b&gt;in use&lt;/b&gt;")), qPrintable(bind));
    QToolTip::hideText();
    const QString listen = toolTipAt(strip, strip.stepRect(LifecycleStrip::ListenStep).center());
    QVERIFY2(listen.startsWith(QStringLiteral("listen(5)")), qPrintable(listen));
}

void TestKernelWidgets::stripHandshakeStepOnlyForTls()
{
    LifecycleStrip strip;
    strip.setBacklog(5);
    strip.setCounts(13, 10);
    strip.setHandshakeCounts(12, 1);
    strip.setStage(LifecycleStrip::Stage::Listening);
    const QSize size(800, strip.sizeHint().height());
    const QColor highlight = strip.palette().color(QPalette::Highlight);

    // Plain: five boxes, no handshake in the picture or the text.
    const QImage plain = render(strip, size);
    QVERIFY(strip.stepRect(LifecycleStrip::HandshakeStep).isEmpty());
    QVERIFY(!strip.text().contains(QStringLiteral("handshake")));
    const QRect plainClose = strip.stepRect(LifecycleStrip::CloseStep);

    strip.setTls(true);
    QVERIFY(strip.isTls());
    QCOMPARE(strip.text(), QStringLiteral("socket() → bind() → listen(5) → accept() · 13 → handshake · 12 ok · 1 failed "
                                          "→ close() · 10: listening"));
    const QImage tls = render(strip, size);
    const QRect handshake = strip.stepRect(LifecycleStrip::HandshakeStep);
    const QRect accept = strip.stepRect(LifecycleStrip::AcceptStep);
    const QRect close = strip.stepRect(LifecycleStrip::CloseStep);
    QVERIFY(!handshake.isEmpty());
    QVERIFY(handshake.left() > accept.right());
    QVERIFY(close.left() > handshake.right());
    QVERIFY(QRect(QPoint(0, 0), size).contains(close));
    // Painted like the other steps: highlighted while listening, as accept() is.
    QVERIFY(countColour(tls, handshake, highlight) > handshake.width() * handshake.height() / 4);
    // Where plain close() stood, the handshake box is drawn now.
    QVERIFY(differingPixels(tls.copy(plainClose), plain.copy(plainClose)) > 0);

    // New counts redraw the handshake box only; the boxes before it stay as they were.
    strip.setHandshakeCounts(13, 2);
    QVERIFY(strip.text().contains(QStringLiteral("handshake · 13 ok · 2 failed")));
    const QImage counted = render(strip, size);
    const QRect before(0, 0, handshake.left(), size.height());
    QCOMPARE(counted.copy(before), tls.copy(before));
    QVERIFY(differingPixels(counted.copy(strip.stepRect(LifecycleStrip::HandshakeStep)),
                            tls.copy(strip.stepRect(LifecycleStrip::HandshakeStep)))
            > 0);

    // Its tooltip says what it is.
    strip.show();
    QVERIFY(QTest::qWaitForWindowExposed(&strip));
    const QString tip = toolTipAt(strip, strip.stepRect(LifecycleStrip::HandshakeStep).center());
    QVERIFY2(tip.contains(QStringLiteral("13 completed, 2 failed")), qPrintable(tip));
    QToolTip::hideText();

    // Back to plain: the box goes.
    strip.setTls(false);
    QVERIFY(strip.stepRect(LifecycleStrip::HandshakeStep).isEmpty());
    QVERIFY(!strip.text().contains(QStringLiteral("handshake")));
}

void TestKernelWidgets::gaugeFillGrowsWithLength()
{
    AcceptQueueGauge gauge;
    gauge.setListening(true);
    const QSize size(260, gauge.sizeHint().height());
    QVERIFY(size.height() >= 32 && size.height() <= 52);

    // The fill is the bar's coloured part; the groove, the frame and the text are greys.
    QList<int> filled;
    int barArea = 0;
    for (int length = 0; length <= 5; ++length) {
        gauge.setQueue(length, 5);
        const QImage image = render(gauge, size);
        const QRect bar = gauge.barRect();
        QVERIFY(!bar.isEmpty());
        QVERIFY(QRect(QPoint(0, 0), size).contains(bar));
        barArea = bar.width() * bar.height();
        filled << countPixels(image, bar, saturated);
        QCOMPARE(gauge.text().section(QLatin1Char('\n'), 0, 0), QStringLiteral("Accept queue %1 / 5").arg(length));
    }
    QCOMPARE(filled.first(), 0);
    for (int i = 1; i < filled.size(); ++i)
        QVERIFY2(filled[i] > filled[i - 1] + barArea / 20, qPrintable(QString::number(i)));
    QVERIFY2(filled.last() > barArea * 2 / 5, qPrintable(QStringLiteral("%1 of %2").arg(filled.last()).arg(barArea)));

    // More than the backlog (the kernel allows one over) fills the bar, no further.
    gauge.setQueue(7, 5);
    QVERIFY(gauge.text().startsWith(QStringLiteral("Accept queue 7 / 5")));
    QVERIFY(gauge.isFull());
    QVERIFY(qAbs(countPixels(render(gauge, size), gauge.barRect(), saturated) - filled.last()) < barArea / 50);
}

void TestKernelWidgets::gaugeWarnsWhenFull()
{
    AcceptQueueGauge gauge;
    gauge.setListening(true);
    const QSize size(260, gauge.sizeHint().height());
    const QColor warning = KernelColours::warning(gauge.palette());
    const QColor highlight = gauge.palette().color(QPalette::Highlight);
    const auto nearHue = [](const QColor &hue) {
        return [hue](QRgb pixel) {
            const QColor colour(pixel);
            const int distance = std::abs(colour.hslHue() - hue.hslHue());
            return saturated(pixel) && qMin(distance, 360 - distance) < 20;
        };
    };

    gauge.setQueue(4, 5);
    QVERIFY(!gauge.isFull());
    const QImage partly = render(gauge, size);
    QVERIFY(countPixels(partly, gauge.barRect(), nearHue(highlight)) > 100);
    QCOMPARE(countPixels(partly, gauge.barRect(), nearHue(warning)), 0);

    gauge.setQueue(5, 5);
    QVERIFY(gauge.isFull());
    const QImage full = render(gauge, size);
    QVERIFY(countPixels(full, gauge.barRect(), nearHue(warning)) > 100);
    QCOMPARE(countPixels(full, gauge.barRect(), nearHue(highlight)), 0);
}

void TestKernelWidgets::gaugeCounters()
{
    AcceptQueueGauge gauge;
    gauge.setListening(true);
    gauge.setQueue(3, 5);
    const QSize size(260, gauge.sizeHint().height());
    const QImage none = render(gauge, size);
    QCOMPARE(gauge.text(), QStringLiteral("Accept queue 3 / 5\nSystem-wide overflows 0 · drops 0"));

    gauge.setCounters(12, 12);
    QCOMPARE(gauge.text(), QStringLiteral("Accept queue 3 / 5\nSystem-wide overflows 12 · drops 12"));
    const QImage some = render(gauge, size);
    const QRect bar = gauge.barRect();
    const QRect counters(0, bar.bottom() + 1, size.width(), size.height() - bar.bottom() - 1);
    QVERIFY(differingPixels(none.copy(counters), some.copy(counters)) > 0);
    QCOMPARE(none.copy(bar), some.copy(bar));
    // Overflows seen: the line turns to the warning colour.
    const QColor warning = KernelColours::warning(gauge.palette());
    QVERIFY(countPixels(some, counters, [&](QRgb pixel) { return colourDistance(pixel, warning.rgb()) < 60; }) > 10);
    QCOMPARE(countPixels(none, counters, [&](QRgb pixel) { return colourDistance(pixel, warning.rgb()) < 60; }), 0);
    QVERIFY(gauge.toolTip().contains(QStringLiteral("overflows 12")));
    // Said to be the whole system's, and wrapped: rich text, no line of the whole width.
    QVERIFY(gauge.toolTip().contains(QStringLiteral("whole system")));
    QVERIFY(Qt::mightBeRichText(gauge.toolTip()));
}

void TestKernelWidgets::gaugeNotAvailableOrNotListening()
{
    AcceptQueueGauge gauge;
    const QSize size(260, gauge.sizeHint().height());
    const QColor highlight = gauge.palette().color(QPalette::Highlight);
    const auto blue = [&](QRgb pixel) { return colourDistance(pixel, highlight.rgb()) < 60; };

    // A new gauge is not listening: neutral words, no bar.
    QCOMPARE(gauge.text(), QStringLiteral("Accept queue: not listening"));
    QVERIFY(gauge.barRect().isEmpty());
    const QImage idle = render(gauge, size);
    QVERIFY(colours(idle).size() > 2);
    QCOMPARE(countPixels(idle, idle.rect(), blue), 0);

    gauge.setListening(true);
    gauge.setQueue(3, 5);
    const QImage measured = render(gauge, size);
    QVERIFY(countPixels(measured, measured.rect(), blue) > 50);

    gauge.setAvailable(false, false);
    QCOMPARE(gauge.text(), QStringLiteral("Accept queue: not available on this platform"));
    QVERIFY(gauge.barRect().isEmpty());
    const QImage unavailable = render(gauge, size);
    QCOMPARE(countPixels(unavailable, unavailable.rect(), blue), 0);
    QVERIFY(differingPixels(unavailable, idle) > 50);
    QVERIFY(colours(unavailable).size() > 2);

    gauge.setAvailable(true, false);
    QCOMPARE(gauge.text(),
             QStringLiteral("Accept queue 3 / 5\nOverflows and drops: not available on this platform"));
    QVERIFY(!gauge.barRect().isEmpty());

    gauge.setAvailable(false, true);
    gauge.setCounters(4, 2);
    QCOMPARE(gauge.text(), QStringLiteral("Accept queue: not available on this platform\n"
                                          "System-wide overflows 4 · drops 2"));

    // Not listening wins over the rest.
    gauge.setListening(false);
    QCOMPARE(gauge.text(), QStringLiteral("Accept queue: not listening"));
    QCOMPARE(render(gauge, size), idle);
}

void TestKernelWidgets::gaugeFollowsPalette()
{
    AcceptQueueGauge gauge;
    gauge.setPalette(darkPalette());
    gauge.setListening(true);
    gauge.setQueue(2, 5);
    const QImage image = render(gauge, QSize(260, gauge.sizeHint().height()));
    QVERIFY(meanLightness(image) < 90);
    QVERIFY(colours(image).size() > 5);

    LifecycleStrip strip;
    strip.setPalette(darkPalette());
    strip.setStage(LifecycleStrip::Stage::Listening);
    const QImage stripImage = render(strip, QSize(700, strip.sizeHint().height()));
    QVERIFY(meanLightness(stripImage) < 90);
    QVERIFY(countColour(stripImage, strip.stepRect(LifecycleStrip::ListenStep), QColor(0x2a, 0x82, 0xda)) > 0);
}

QTEST_MAIN(TestKernelWidgets)
#include "tst_kernelwidgets.moc"
