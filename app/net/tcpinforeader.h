#pragma once

#include "tcpinfo.h"

// TCP_INFO of a connected socket (a getsockopt on the network thread); available is false where
// unsupported or on a bad descriptor.
TcpInfo readTcpInfo(qintptr descriptor);
