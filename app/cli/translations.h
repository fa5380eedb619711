#pragma once

#include <QStringList>

class QCoreApplication;

namespace Translations {

// Where the app's .qm files are embedded (resources/CMakeLists.txt).
inline constexpr char ResourceFolder[] = ":/i18n";

// The languages the user asked for, most wanted first: QLocale's UI languages, which on Linux
// already follow LANGUAGE, then LC_ALL, LC_MESSAGES and LANG.
QStringList preferredLanguages();

// Installs the app's translation and Qt's own for the user's language on app; the translators
// are app's children. English, and any language the app lacks, gets the English plural forms.
// Returns the language loaded ("de", "en"), empty when the source texts are shown.
QString install(QCoreApplication *app);

} // namespace Translations
