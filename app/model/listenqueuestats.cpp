#include "listenqueuestats.h"

bool ListenQueueStats::operator==(const ListenQueueStats &other) const
{
    return available == other.available && length == other.length && backlog == other.backlog
        && countersAvailable == other.countersAvailable && overflows == other.overflows
        && drops == other.drops;
}
