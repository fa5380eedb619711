#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

QStringList Translations::preferredLanguages()
{
    // Qt 6.4 reads LANGUAGE (a colon-separated list) before LC_ALL, LC_MESSAGES and LANG, as
    // gettext does; "C" and "POSIX" mean no translation.
    QStringList languages;
    const QStringList uiLanguages = QLocale::system().uiLanguages();
    for (const QString &language : uiLanguages) {
        if (language.isEmpty() || language == QLatin1String("C") || language.startsWith(QLatin1String("C."))
            || language == QLatin1String("POSIX"))
            continue;
        languages.append(language);
    }
    return languages;
}

QString Translations::install(QCoreApplication *app)
{
    // The first language asked for that the app has: LANGUAGE=fr:de shows German.
    for (const QString &language : preferredLanguages()) {
        const QLocale locale(language);
        auto *translator = new QTranslator(app);
        // load(QLocale, ...) tries the locale's variants: de_AT finds socketlab_de.
        if (!translator->load(locale, QStringLiteral("socketlab"), QStringLiteral("_"),
                              QLatin1String(ResourceFolder))) {
            delete translator;
            continue;
        }
        QCoreApplication::installTranslator(translator);
        // Qt's own texts (standard buttons, file dialogs); missing when qt6-translations-l10n is
        // not installed, which is fine.
        auto *qtTranslator = new QTranslator(app);
        if (qtTranslator->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                               QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(qtTranslator);
        else
            delete qtTranslator;
        return translator->language();
    }
    // No language of the app's asked for (or the C locale): the English texts, with their
    // plural forms, so "1 connection" never reads "1 connection(s)".
    auto *english = new QTranslator(app);
    if (english->load(QStringLiteral("socketlab_en"), QLatin1String(ResourceFolder))) {
        QCoreApplication::installTranslator(english);
        return english->language();
    }
    delete english;
    return {};
}
