#include "connectioncolumns.h"

#include "connectioninfo.h"
#include "connectiontablemodel.h"
#include "displayformat.h"
#include "tlscolumns.h"

#include <QApplication>
#include <QBitArray>
#include <QDataStream>
#include <QHash>
#include <QHeaderView>
#include <QStyle>

namespace {

// Room for the cell's margins and, in the header, the sort arrow.
constexpr int CellPadding = 12;
constexpr int SortArrowRoom = 18;

// The widest text the column usually shows.
QString widestText(int column)
{
    switch (column) {
    case ConnectionTableModel::IdColumn:
        return QStringLiteral("000000");
    case ConnectionTableModel::ListenerColumn:
        return QStringLiteral("#00");
    case ConnectionTableModel::TlsVersionColumn:
    case ConnectionTableModel::TlsCipherColumn:
    case ConnectionTableModel::TlsServerNameColumn:
    case ConnectionTableModel::TlsAlpnColumn:
    case ConnectionTableModel::TlsClientCertificateColumn:
        return TlsColumns::widestText(column);
    case ConnectionTableModel::PeerColumn:
    case ConnectionTableModel::LocalColumn:
        return QStringLiteral("255.255.255.255:65535");
    case ConnectionTableModel::StateColumn: {
        QString widest;
        for (const ConnectionState state :
             {ConnectionState::Open, ConnectionState::Closing, ConnectionState::HalfClosed, ConnectionState::PeerClosed,
              ConnectionState::Closed, ConnectionState::Reset, ConnectionState::Aborted, ConnectionState::Error,
              ConnectionState::TlsFailed}) {
            const QString text = connectionStateText(state);
            if (text.size() > widest.size())
                widest = text;
        }
        return widest;
    }
    case ConnectionTableModel::UpstreamColumn: {
        QString widest;
        for (const UpstreamState state : {UpstreamState::Connecting, UpstreamState::Connected, UpstreamState::HalfClosed,
                                          UpstreamState::Closed, UpstreamState::Refused, UpstreamState::TimedOut,
                                          UpstreamState::Reset, UpstreamState::Failed}) {
            const QString text = upstreamStateText(state);
            if (text.size() > widest.size())
                widest = text;
        }
        return widest;
    }
    case ConnectionTableModel::AcceptedColumn:
    case ConnectionTableModel::LastActivityColumn:
        return QStringLiteral("00:00:00.000");
    case ConnectionTableModel::DurationColumn:
        return DisplayFormat::duration((59 * 60 + 58) * 1000);
    case ConnectionTableModel::ReceivedColumn:
    case ConnectionTableModel::SentColumn:
        return DisplayFormat::bytes(999 * 1024 + 900);
    case ConnectionTableModel::FaultsColumn:
        return QStringLiteral("latency 300±50 ms");
    default:
        return QStringLiteral("000000");
    }
}

} // namespace

namespace ConnectionColumns {

int defaultWidth(const QHeaderView *header, int column)
{
    const QFontMetrics metrics = header->fontMetrics();
    const QString title = header->model() ? header->model()->headerData(column, Qt::Horizontal).toString() : QString();
    int width = metrics.horizontalAdvance(title) + SortArrowRoom;
    if (column == ConnectionTableModel::CloseColumn) {
        // The painted button: its text with the style's button margins.
        const int button = metrics.horizontalAdvance(QCoreApplication::translate("ConnectionTableModel", "Close", "verb: close the connection"))
                           + 2 * header->style()->pixelMetric(QStyle::PM_ButtonMargin) + 12;
        return qMax(width, button) + CellPadding;
    }
    width = qMax(width, metrics.horizontalAdvance(widestText(column)));
    return width + CellPadding;
}

void applyDefaults(QHeaderView *header)
{
    for (int column = 0; column < ConnectionTableModel::ColumnCount; ++column) {
        header->setSectionResizeMode(column, QHeaderView::Interactive);
        header->resizeSection(column, defaultWidth(header, column));
    }
    // Spare room goes to the last column, whose button keeps its own size.
    header->setStretchLastSection(true);
}

void repair(QHeaderView *header)
{
    for (int column = 0; column < ConnectionTableModel::ColumnCount; ++column) {
        header->setSectionResizeMode(column, QHeaderView::Interactive);
        const int least = defaultWidth(header, column);
        if (header->sectionSize(column) < least)
            header->resizeSection(column, least);
    }
    header->setStretchLastSection(true);
}

int savedColumnCount(const QByteArray &state)
{
    // QHeaderView::saveState(): a marker and a version, then its fields up to the section count.
    QDataStream in(state);
    in.setVersion(QDataStream::Qt_5_0);
    int marker = 0;
    int version = -1;
    in >> marker >> version;
    if (marker != 0xff || version != 0)
        return -1;
    int orientation = 0;
    int order = 0;
    int sortSection = 0;
    bool sortShown = false;
    QList<int> visual;
    QList<int> logical;
    QBitArray hidden;
    QHash<int, int> hiddenSizes;
    int length = 0;
    int count = -1;
    in >> orientation >> order >> sortSection >> sortShown >> visual >> logical >> hidden >> hiddenSizes >> length
        >> count;
    return in.status() == QDataStream::Ok ? count : -1;
}

} // namespace ConnectionColumns
