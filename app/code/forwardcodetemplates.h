#pragma once

#include <QLatin1String>

// The Python program for Forward mode: a thread per client and direction, each FIN passed on
// as a half-close and each reset as a reset, as the app's relay does.
namespace CodeTemplates {

// @HEADER@, @SETUP@, @PEER_NAME@, @NAME@, @HOST@, @PORT@, @BACKLOG@, @MAX@, @UPSTREAM_HOST@,
// @UPSTREAM_PORT@, @UPSTREAM@ (as the log prints it).
extern const QLatin1String PythonForwardServer;

} // namespace CodeTemplates
