// Times the connections table of a real MainWindow holding 10,000 rows, the way a person uses it:
// one big batch arriving, header clicks to sort, typing in the filter, paging down, and the
// network thread's byte counters ticking on every row.
//
//   socketlab-bench-table [--rows N] [--repeat N] [--size WxH] [--only STEPS] [--json]
//
// Rows are synthetic ConnectionInfo snapshots, fed through ListenerController::updated, the
// signal MainWindow listens to in production, so the model, proxy, view and delegate all do
// their real work. Prints a table and one JSON line; --json prints only the JSON line.
#include "connectiontablemodel.h"
#include "listenercontroller.h"
#include "mainwindow.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

namespace {

constexpr double SortTargetMs = 100;
constexpr double FilterTargetMs = 100;
constexpr double ScrollTargetMs = 16;
constexpr double UpdateTargetMs = 33; // one batch per frame at the network thread's ~30 Hz
constexpr int SettleTimeoutMs = 30000;

struct Stats
{
    double median = 0;
    double p99 = 0;
    double max = 0;
    int count = 0;
};

Stats statsOf(QList<double> samples)
{
    Stats stats;
    if (samples.isEmpty())
        return stats;
    std::sort(samples.begin(), samples.end());
    const auto at = [&samples](double quantile) {
        return samples.at(qsizetype(quantile * double(samples.size() - 1) + 0.5));
    };
    stats.median = at(0.5);
    stats.p99 = at(0.99);
    stats.max = samples.constLast();
    stats.count = int(samples.size());
    return stats;
}

QJsonObject toJson(const Stats &stats, bool withP99 = false)
{
    QJsonObject object{{QStringLiteral("median"), qRound(stats.median * 100) / 100.0},
                       {QStringLiteral("max"), qRound(stats.max * 100) / 100.0},
                       {QStringLiteral("n"), stats.count}};
    if (withP99)
        object.insert(QStringLiteral("p99"), qRound(stats.p99 * 100) / 100.0);
    return object;
}

double elapsedMs(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

template<typename T>
T *child(QObject *parent, const char *name = nullptr)
{
    T *object = name ? parent->findChild<T *>(QLatin1String(name)) : parent->findChild<T *>();
    if (!object)
        qFatal("bench_table: no child %s", name ? name : T::staticMetaObject.className());
    return object;
}

// What a user sees once the event loop has caught up: posted events (the view's delayed
// layout, header updates) handled, then the viewport painted synchronously.
void settle(QTableView *view)
{
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    view->viewport()->repaint();
}

// Waits, without sleeping, until `done` holds; false on timeout.
template<typename Predicate>
bool waitUntil(Predicate done)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > SettleTimeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
    return true;
}

// Realistic variety: IPv4, IPv6, IPv4-mapped and vanished peers, every state, byte counts over
// six orders of magnitude, so each column sorts into a real order.
QList<ConnectionInfo> makeConnections(int count, qint64 nowMs)
{
    QRandomGenerator random(20261202);
    QList<ConnectionInfo> rows;
    rows.reserve(count);
    const QHostAddress local(QHostAddress::LocalHost);
    for (int i = 0; i < count; ++i) {
        ConnectionInfo info;
        info.id = quint64(i + 1);
        const quint32 kind = random.bounded(100);
        if (kind < 45) {
            info.peerAddress = QHostAddress(quint32(0x0A000000u | random.bounded(1u << 16)));
        } else if (kind < 65) {
            info.peerAddress = QHostAddress(QHostAddress::LocalHost);
        } else if (kind < 80) {
            info.peerAddress = QHostAddress(QStringLiteral("192.168.%1.%2")
                                                .arg(random.bounded(256))
                                                .arg(random.bounded(1, 255)));
        } else if (kind < 92) {
            info.peerAddress = QHostAddress(QStringLiteral("2001:db8:%1::%2")
                                                .arg(random.bounded(0x10000), 0, 16)
                                                .arg(random.bounded(0x10000), 0, 16));
        } else if (kind < 99) {
            info.peerAddress = QHostAddress(QStringLiteral("::ffff:10.1.%1.%2")
                                                .arg(random.bounded(256))
                                                .arg(random.bounded(1, 255)));
        } // else: reset before it was taken, no address ("unknown peer")
        info.peerPort = info.peerAddress.isNull() ? 0 : quint16(random.bounded(1024, 65536));
        info.localAddress = local;
        info.localPort = 9000;
        info.acceptedAtMs = nowMs - 3600 * 1000 + qint64(i) * 300 + random.bounded(300);
        const quint32 state = random.bounded(100);
        info.state = state < 60 ? ConnectionState::Open
            : state < 64        ? ConnectionState::Closing
            : state < 68        ? ConnectionState::HalfClosed
            : state < 80        ? ConnectionState::PeerClosed
            : state < 90        ? ConnectionState::Closed
            : state < 95        ? ConnectionState::Reset
            : state < 98        ? ConnectionState::Aborted
                                : ConnectionState::Error;
        if (info.isFinished())
            info.closedAtMs = info.acceptedAtMs + random.bounded(1, 600000);
        if (info.state == ConnectionState::Error)
            info.errorString = QStringLiteral("Network unreachable");
        info.bytesReceived = quint64(random.bounded(1, 7)) * quint64(std::pow(10.0, random.bounded(7)))
            + random.bounded(1000);
        info.bytesSent = info.bytesReceived / quint64(random.bounded(1, 5));
        info.lastActivityMs = (info.closedAtMs > 0 ? info.closedAtMs : nowMs) - random.bounded(60000);
        rows.append(info);
    }
    return rows;
}

// One batch as the network thread sends it under load: every connection's counters moved.
QList<ConnectionInfo> touchCounters(QList<ConnectionInfo> rows, qint64 nowMs, QRandomGenerator &random)
{
    for (ConnectionInfo &info : rows) {
        info.bytesReceived += random.bounded(1, 4096);
        info.bytesSent += random.bounded(4096);
        info.lastActivityMs = nowMs;
    }
    return rows;
}

// The rows a filter should leave: the number (#12), the peer or the state contains the text.
int expectedMatches(const QAbstractItemModel *source, const QString &text)
{
    if (text.isEmpty())
        return source->rowCount();
    int matches = 0;
    for (int row = 0; row < source->rowCount(); ++row) {
        const QString number = QLatin1Char('#') + source->index(row, ConnectionTableModel::IdColumn).data().toString();
        const QString peer = source->index(row, ConnectionTableModel::PeerColumn).data().toString();
        const QString state = source->index(row, ConnectionTableModel::StateColumn).data().toString();
        if (number.contains(text, Qt::CaseInsensitive) || peer.contains(text, Qt::CaseInsensitive)
            || state.contains(text, Qt::CaseInsensitive))
            ++matches;
    }
    return matches;
}

class TableBench
{
public:
    TableBench(int rows, int repeats, QSize windowSize, const QStringList &steps)
        : m_rows(rows), m_repeats(repeats), m_windowSize(windowSize), m_steps(steps)
    {
        m_connections = makeConnections(rows, QDateTime::currentMSecsSinceEpoch());
    }

    QJsonObject run();

private:
    std::unique_ptr<MainWindow> newWindow();
    void feed(MainWindow *window, const QList<ConnectionInfo> &connections);
    QTableView *view() const { return child<QTableView>(m_window.get(), "connectionsView"); }
    void clickHeader(int section);
    void sortBy(int section, Qt::SortOrder order);

    Stats measureInsert();
    QJsonObject measureSort(Stats *overall, double *worstColumnMedian);
    QJsonObject measureFilter(Stats *overall, Stats *typed, Stats *keystroke, double *worstQueryMedian,
                              double *debounce);
    Stats measureScroll();
    Stats measureUpdates(const QString &filter, int sortSection, Qt::SortOrder order);
    bool wants(const char *step) const { return m_steps.isEmpty() || m_steps.contains(QLatin1String(step)); }

    int m_rows = 0;
    int m_repeats = 0;
    QSize m_windowSize;
    QStringList m_steps; // empty: all
    QList<ConnectionInfo> m_connections;
    std::unique_ptr<MainWindow> m_window;
    QRandomGenerator m_random{7};
};

std::unique_ptr<MainWindow> TableBench::newWindow()
{
    auto window = std::make_unique<MainWindow>();
    window->resize(m_windowSize);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        qFatal("bench_table: the window was never exposed");
    // Keep every finished row: the benchmark wants all 10,000 in the table.
    auto *history = child<QSpinBox>(window.get(), "historySpin");
    history->setValue(history->maximum());
    return window;
}

void TableBench::feed(MainWindow *window, const QList<ConnectionInfo> &connections)
{
    UpdateBatch batch;
    batch.connections = connections;
    batch.totals.accepted = quint64(m_rows);
    batch.totals.open = window->connectionModel()->openCount();
    // The production path: MainWindow::onUpdated, connected to this signal.
    emit child<ListenerController>(window)->updated(batch);
}

void TableBench::clickHeader(int section)
{
    QHeaderView *header = view()->horizontalHeader();
    const QPoint centre(header->sectionViewportPosition(section) + header->sectionSize(section) / 2,
                        header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, centre);
}

void TableBench::sortBy(int section, Qt::SortOrder order)
{
    QHeaderView *header = view()->horizontalHeader();
    for (int i = 0; i < 3 && (header->sortIndicatorSection() != section || header->sortIndicatorOrder() != order); ++i)
        clickHeader(section);
    settle(view());
}

Stats TableBench::measureInsert()
{
    QList<double> samples;
    for (int rep = 0; rep < m_repeats; ++rep) {
        m_window.reset();
        m_window = newWindow();
        settle(view());
        QElapsedTimer timer;
        timer.start();
        feed(m_window.get(), m_connections);
        settle(view());
        samples.append(elapsedMs(timer));
        if (view()->model()->rowCount() != m_rows)
            qFatal("bench_table: %d rows shown after inserting %d", view()->model()->rowCount(), m_rows);
    }
    return statsOf(samples);
}

QJsonObject TableBench::measureSort(Stats *overall, double *worstColumnMedian)
{
    QHeaderView *header = view()->horizontalHeader();
    const QAbstractItemModel *model = view()->model();
    QList<int> sections;
    for (int section = 0; section < header->count(); ++section) {
        if (!header->isSectionHidden(section))
            sections.append(section);
    }
    QHash<int, QList<double>> ascending;
    QHash<int, QList<double>> descending;
    QList<double> all;
    for (int rep = 0; rep < m_repeats; ++rep) {
        for (int section : std::as_const(sections)) {
            // Two clicks: one order, then the other, each from the previous column's order.
            for (int click = 0; click < 2; ++click) {
                QElapsedTimer timer;
                timer.start();
                clickHeader(section);
                settle(view());
                const double ms = elapsedMs(timer);
                if (header->sortIndicatorSection() != section)
                    qFatal("bench_table: clicking section %d did not sort by it", section);
                (header->sortIndicatorOrder() == Qt::AscendingOrder ? ascending : descending)[section].append(ms);
                all.append(ms);
            }
        }
    }
    QJsonObject columns;
    double worstMedian = 0;
    for (int section : std::as_const(sections)) {
        const QString name = model->headerData(section, Qt::Horizontal).toString();
        const Stats up = statsOf(ascending.value(section));
        const Stats down = statsOf(descending.value(section));
        columns.insert(name, QJsonObject{{QStringLiteral("asc"), toJson(up)}, {QStringLiteral("desc"), toJson(down)}});
        worstMedian = std::max({worstMedian, up.median, down.median});
    }
    *overall = statsOf(all);
    *worstColumnMedian = worstMedian;
    sortBy(ConnectionTableModel::IdColumn, Qt::AscendingOrder);
    return columns;
}

QJsonObject TableBench::measureFilter(Stats *overall, Stats *typed, Stats *keystroke, double *worstQueryMedian,
                                      double *debounce)
{
    auto *edit = child<QLineEdit>(m_window.get(), "connectionFilterEdit");
    const QAbstractItemModel *proxy = view()->model();
    const QAbstractItemModel *source = m_window->connectionModel();
    // A port fragment, a state word that matches three states, an address prefix, a
    // connection number, an IPv6 piece, and nothing at all.
    const QStringList queries = {QStringLiteral("4123"), QStringLiteral("closed"), QStringLiteral("10.0.1"),
                                 QStringLiteral("#12"),  QStringLiteral("2001:db8:a"), QStringLiteral("zzz")};
    const QString clearName = QStringLiteral("(clear)");
    QHash<QString, QList<double>> work;
    QList<double> all;
    QList<double> typedSamples;
    QList<double> keystrokes;

    const auto apply = [&](const QString &text, const QString &name) {
        const int expected = expectedMatches(source, text);
        edit->setText(text);
        // Enter applies the filter at once, skipping the typing pause: what is left is the work.
        QElapsedTimer timer;
        timer.start();
        QTest::keyClick(edit, Qt::Key_Return);
        if (!waitUntil([&] { return proxy->rowCount() == expected; }))
            qFatal("bench_table: filter \"%s\" shows %d rows, expected %d", qPrintable(text), proxy->rowCount(),
                   expected);
        settle(view());
        const double ms = elapsedMs(timer);
        work[name].append(ms);
        all.append(ms);
    };

    for (int rep = 0; rep < m_repeats; ++rep) {
        for (const QString &query : queries) {
            apply(query, query);
            apply(QString(), clearName);
        }
    }

    // As typed: a keystroke at a time, then however long until the rows are there.
    for (int rep = 0; rep < m_repeats; ++rep) {
        for (const QString &query : queries) {
            const int expected = expectedMatches(source, query);
            edit->setFocus();
            for (const QChar c : query) {
                QElapsedTimer key;
                key.start();
                QTest::keyClick(edit, c.toLatin1());
                keystrokes.append(elapsedMs(key));
            }
            QElapsedTimer timer;
            timer.start();
            if (!waitUntil([&] { return proxy->rowCount() == expected; }))
                qFatal("bench_table: typed filter \"%s\" never settled", qPrintable(query));
            settle(view());
            typedSamples.append(elapsedMs(timer));
            apply(QString(), clearName);
        }
    }

    QJsonObject perQuery;
    QList<double> narrowing; // every query but clearing
    *worstQueryMedian = 0;
    for (const QString &query : queries + QStringList{clearName}) {
        const Stats stats = statsOf(work.value(query));
        QJsonObject object = toJson(stats);
        object.insert(QStringLiteral("rows"), expectedMatches(source, query == clearName ? QString() : query));
        perQuery.insert(query, object);
        *worstQueryMedian = std::max(*worstQueryMedian, stats.median);
        if (query != clearName)
            narrowing += work.value(query);
    }
    *overall = statsOf(all);
    *typed = statsOf(typedSamples);
    *keystroke = statsOf(keystrokes);
    // Typing ends on the same queries: what it adds to their work is the pause the window waits.
    *debounce = std::max(0.0, typed->median - statsOf(narrowing).median);
    return perQuery;
}

Stats TableBench::measureScroll()
{
    QTableView *table = view();
    QScrollBar *bar = table->verticalScrollBar();
    QList<double> samples;
    for (int rep = 0; rep < m_repeats; ++rep) {
        table->scrollToTop();
        settle(table);
        while (bar->value() < bar->maximum()) {
            QElapsedTimer timer;
            timer.start();
            bar->triggerAction(QAbstractSlider::SliderPageStepAdd);
            QCoreApplication::processEvents();
            table->viewport()->repaint();
            samples.append(elapsedMs(timer));
        }
    }
    table->scrollToTop();
    return statsOf(samples);
}

Stats TableBench::measureUpdates(const QString &filter, int sortSection, Qt::SortOrder order)
{
    auto *edit = child<QLineEdit>(m_window.get(), "connectionFilterEdit");
    edit->setText(filter);
    QTest::keyClick(edit, Qt::Key_Return);
    sortBy(sortSection, order);
    QList<double> samples;
    const int batches = 10 * m_repeats;
    for (int i = 0; i < batches; ++i) {
        m_connections = touchCounters(m_connections, QDateTime::currentMSecsSinceEpoch(), m_random);
        QElapsedTimer timer;
        timer.start();
        feed(m_window.get(), m_connections);
        settle(view());
        samples.append(elapsedMs(timer));
    }
    edit->clear();
    QTest::keyClick(edit, Qt::Key_Return);
    sortBy(ConnectionTableModel::IdColumn, Qt::AscendingOrder);
    return statsOf(samples);
}

QJsonObject TableBench::run()
{
    QJsonObject result{{QStringLiteral("bench"), QStringLiteral("table")},
                       {QStringLiteral("rows"), m_rows},
                       {QStringLiteral("repeats"), m_repeats},
                       {QStringLiteral("platform"), QGuiApplication::platformName()},
                       {QStringLiteral("qt"), QString::fromLatin1(qVersion())},
                       {QStringLiteral("window"), QJsonArray{m_windowSize.width(), m_windowSize.height()}}};

    // Flat figures for the socketlab-bench report, next to the details.
    const auto flat = [&result](const char *key, double ms) {
        result.insert(QLatin1String(key), qRound(ms * 100) / 100.0);
    };

    // The window with all rows in it is always made; the insert step only times it.
    const Stats insert = measureInsert();
    if (wants("insert")) {
        result.insert(QStringLiteral("insert_ms"), toJson(insert));
        flat("insert_median_ms", insert.median);
    }

    if (wants("sort")) {
        Stats sort;
        double worstColumnMedian = 0;
        const QJsonObject sortColumns = measureSort(&sort, &worstColumnMedian);
        QJsonObject sortJson = toJson(sort);
        sortJson.insert(QStringLiteral("columns"), sortColumns);
        result.insert(QStringLiteral("sort_ms"), sortJson);
        flat("sort_median_ms", worstColumnMedian); // the slowest column's median
        flat("sort_max_ms", sort.max);
    }

    if (wants("filter")) {
        Stats filter;
        Stats typed;
        Stats keystroke;
        double worstQueryMedian = 0;
        double debounce = 0;
        const QJsonObject filterQueries = measureFilter(&filter, &typed, &keystroke, &worstQueryMedian, &debounce);
        QJsonObject filterJson = toJson(filter);
        filterJson.insert(QStringLiteral("queries"), filterQueries);
        result.insert(QStringLiteral("filter_ms"), filterJson);
        result.insert(QStringLiteral("filter_typed_ms"), toJson(typed));
        result.insert(QStringLiteral("keystroke_ms"), toJson(keystroke));
        flat("filter_median_ms", worstQueryMedian); // the slowest query's median
        flat("filter_max_ms", filter.max);
        flat("filter_debounce_ms", debounce);
    }

    if (wants("scroll")) {
        const Stats scroll = measureScroll();
        result.insert(QStringLiteral("scroll_page_ms"), toJson(scroll, true));
        flat("scroll_median_ms", scroll.median);
        flat("scroll_p99_ms", scroll.p99);
        flat("scroll_max_ms", scroll.max);
    }

    if (wants("update")) {
        const Stats updateById = measureUpdates(QString(), ConnectionTableModel::IdColumn, Qt::AscendingOrder);
        const Stats updateByReceived =
            measureUpdates(QString(), ConnectionTableModel::ReceivedColumn, Qt::DescendingOrder);
        const Stats updateFiltered =
            measureUpdates(QStringLiteral("open"), ConnectionTableModel::IdColumn, Qt::AscendingOrder);
        result.insert(QStringLiteral("update_ms"),
                      QJsonObject{{QStringLiteral("sorted_by_id"), toJson(updateById)},
                                  {QStringLiteral("sorted_by_received"), toJson(updateByReceived)},
                                  {QStringLiteral("filtered_open"), toJson(updateFiltered)}});
        flat("update_median_ms", updateById.median);
        flat("update_max_ms", std::max({updateById.max, updateByReceived.max, updateFiltered.max}));
    }
    return result;
}

void printTable(const QJsonObject &result)
{
    QTextStream out(stdout);
    const auto stat = [](const QJsonObject &object, const char *key) {
        return object.value(QLatin1String(key)).toDouble();
    };
    const auto line = [&out, &stat](const QString &what, const QJsonObject &object, double target, bool p99 = false) {
        if (object.isEmpty())
            return;
        out << qSetFieldWidth(38) << Qt::left << what << qSetFieldWidth(10) << Qt::right
            << QString::number(stat(object, "median"), 'f', 2)
            << (p99 ? QString::number(stat(object, "p99"), 'f', 2) : QStringLiteral("-"))
            << QString::number(stat(object, "max"), 'f', 2) << qSetFieldWidth(0);
        if (target > 0) {
            const double worst = p99 ? stat(object, "p99") : stat(object, "max");
            out << QStringLiteral("   < %1 ms  %2").arg(target).arg(worst < target ? QStringLiteral("ok")
                                                                                     : QStringLiteral("MISSED"));
        }
        out << '\n';
    };

    out << "Socket Lab table benchmark: " << result.value(QStringLiteral("rows")).toInt() << " rows, "
        << result.value(QStringLiteral("repeats")).toInt() << " repeats, platform "
        << result.value(QStringLiteral("platform")).toString() << ", Qt " << result.value(QStringLiteral("qt")).toString()
        << "\n\n";
    out << qSetFieldWidth(38) << Qt::left << "ms" << qSetFieldWidth(10) << Qt::right << "median"
        << "p99" << "max" << qSetFieldWidth(0) << "   target (max, p99 for scroll)\n";

    line(QStringLiteral("insert all rows, one batch"), result.value(QStringLiteral("insert_ms")).toObject(), 0);
    const QJsonObject sort = result.value(QStringLiteral("sort_ms")).toObject();
    line(QStringLiteral("sort, header click (all)"), sort, SortTargetMs);
    const QJsonObject columns = sort.value(QStringLiteral("columns")).toObject();
    for (auto it = columns.begin(); it != columns.end(); ++it) {
        const QJsonObject orders = it.value().toObject();
        line(QStringLiteral("  %1 ascending").arg(it.key()), orders.value(QStringLiteral("asc")).toObject(),
             SortTargetMs);
        line(QStringLiteral("  %1 descending").arg(it.key()), orders.value(QStringLiteral("desc")).toObject(),
             SortTargetMs);
    }
    const QJsonObject filter = result.value(QStringLiteral("filter_ms")).toObject();
    line(QStringLiteral("filter, work after Enter (all)"), filter, FilterTargetMs);
    const QJsonObject queries = filter.value(QStringLiteral("queries")).toObject();
    for (auto it = queries.begin(); it != queries.end(); ++it) {
        const QJsonObject query = it.value().toObject();
        line(QStringLiteral("  \"%1\" -> %2 rows").arg(it.key()).arg(query.value(QStringLiteral("rows")).toInt()),
             query, FilterTargetMs);
    }
    line(QStringLiteral("filter as typed, last key to rows"), result.value(QStringLiteral("filter_typed_ms")).toObject(),
         0);
    line(QStringLiteral("  one keystroke"), result.value(QStringLiteral("keystroke_ms")).toObject(), ScrollTargetMs);
    if (result.contains(QStringLiteral("filter_debounce_ms")))
        out << qSetFieldWidth(38) << Qt::left << "  of which the typing pause (debounce)" << qSetFieldWidth(10)
            << Qt::right << QString::number(result.value(QStringLiteral("filter_debounce_ms")).toDouble(), 'f', 2)
            << qSetFieldWidth(0) << '\n';
    line(QStringLiteral("scroll one page + repaint"), result.value(QStringLiteral("scroll_page_ms")).toObject(),
         ScrollTargetMs, true);
    const QJsonObject update = result.value(QStringLiteral("update_ms")).toObject();
    line(QStringLiteral("batch: every row's bytes, sorted by #"), update.value(QStringLiteral("sorted_by_id")).toObject(),
         UpdateTargetMs);
    line(QStringLiteral("  sorted by Received"), update.value(QStringLiteral("sorted_by_received")).toObject(),
         UpdateTargetMs);
    line(QStringLiteral("  filtered by \"open\""), update.value(QStringLiteral("filtered_open")).toObject(),
         UpdateTargetMs);
    out << '\n';
}

} // namespace

int main(int argc, char *argv[])
{
    // A throwaway settings folder: the window reads and writes its settings like the real app,
    // and must neither see nor change the user's.
    QTemporaryDir configDir;
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(configDir.path()));

    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("SocketLabBench"));
    QCoreApplication::setApplicationName(QStringLiteral("socketlab-bench-table"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Times the connections table: insert, sort, filter, scroll, update."));
    parser.addHelpOption();
    const QCommandLineOption rowsOption(QStringLiteral("rows"), QStringLiteral("Rows in the table (10000)."),
                                        QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption repeatOption(QStringLiteral("repeat"), QStringLiteral("Repetitions of each step (5)."),
                                          QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption sizeOption(QStringLiteral("size"), QStringLiteral("Window size (1240x780)."),
                                        QStringLiteral("WxH"), QStringLiteral("1240x780"));
    const QCommandLineOption onlyOption(QStringLiteral("only"),
                                        QStringLiteral("Only these steps, comma-separated: insert, sort, filter, scroll, update."),
                                        QStringLiteral("STEPS"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), QStringLiteral("Print only the JSON line."));
    parser.addOptions({rowsOption, repeatOption, sizeOption, onlyOption, jsonOption});
    parser.process(app);

    bool rowsOk = false;
    bool repeatOk = false;
    const int rows = parser.value(rowsOption).toInt(&rowsOk);
    const int repeats = parser.value(repeatOption).toInt(&repeatOk);
    const QStringList size = parser.value(sizeOption).split(QLatin1Char('x'));
    const QSize windowSize = size.size() == 2 ? QSize(size.at(0).toInt(), size.at(1).toInt()) : QSize();
    if (!rowsOk || rows < 1 || !repeatOk || repeats < 1 || !windowSize.isValid() || windowSize.isEmpty()) {
        std::fputs("socketlab-bench-table: --rows and --repeat take a positive number, --size WxH\n", stderr);
        return 2;
    }

    const QStringList steps = parser.value(onlyOption).split(QLatin1Char(','), Qt::SkipEmptyParts);
    TableBench bench(rows, repeats, windowSize, steps);
    const QJsonObject result = bench.run();
    if (!parser.isSet(jsonOption))
        printTable(result);
    std::fputs(QJsonDocument(result).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputs("\n", stdout);
    return 0;
}
