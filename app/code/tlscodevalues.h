#pragma once

#include "codetemplates.h"
#include "tlssettings.h"

#include <optional>

// The values of the printed programs that differ between a TLS listener and a plain one: for
// TLS, TlsCodeTemplates filled in with the listener's settings.
namespace TlsCodeValues {

// The Python pieces that make a plain server a TLS one; empty values for plain TCP.
void insertPython(const std::optional<TlsSettings> &tls, CodeTemplates::Values &values);
// The C++ pieces that make a plain server a TLS one; the plain ones for plain TCP.
void insertCpp(const std::optional<TlsSettings> &tls, CodeTemplates::Values &values);

} // namespace TlsCodeValues
