#pragma once

#include <QString>
#include <QVariant>

struct ConnectionInfo;

// The connections table's TLS columns (version, cipher, SNI, ALPN, client certificate): kept
// apart from the model, as the TCP_INFO figures are, so the model stays about rows.
namespace TlsColumns {

// The cell's display text, raw value (ConnectionTableModel::RawValueRole) or tooltip; empty for a
// plain connection and for a column that is not a TLS one.
QVariant data(const ConnectionInfo &info, int column, int role);
QString title(int column);
QString headerToolTip(int column);
// The widest text the column usually shows, for its default width.
QString widestText(int column);

} // namespace TlsColumns
