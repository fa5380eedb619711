#pragma once

class QByteArray;
class QHeaderView;

// The connections table's column widths: wide enough for what each column usually shows, so
// nothing reads "Reset by ser…", and never collapsed to make room; the table scrolls sideways
// instead.
namespace ConnectionColumns {

// The width that shows the column's header and its usual widest text at the header's font.
int defaultWidth(const QHeaderView *header, int column);
// Every column at its default width.
void applyDefaults(QHeaderView *header);
// After restoring a saved layout: every column resizable by hand, and none narrower than its
// default, whatever an older layout saved.
void repair(QHeaderView *header);
// How many columns a saved header state holds; -1 when it cannot be read. A state saved before
// columns were added maps its sections onto the wrong columns, so it is not restored as is.
int savedColumnCount(const QByteArray &state);

} // namespace ConnectionColumns
