#include "settingsstore.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSettings>

namespace {

Q_LOGGING_CATEGORY(lcSettings, "socketlab.settings")

// The translation context of this file's texts, Settings' own; lupdate reads it from the macro.
class Text final
{
    Q_DECLARE_TR_FUNCTIONS(Settings)
};

} // namespace

SettingsStore::SettingsStore(const std::function<bool(const QString &)> &isOwnKey)
    : m_settings(new QSettings)
{
    // A file that is not wholly the app's own is read as if empty and never written: a rewrite
    // would replace what the user had with the defaults, or mangle what QSettings half-read.
    const QString file = m_settings->fileName();
    if (m_settings->status() == QSettings::FormatError) {
        m_readOnly = true;
        warn(file, Text::tr("the file could not be read; using the defaults for this run and leaving the file "
                      "as it is (changes made now are not saved)"));
    } else if (m_settings->status() == QSettings::AccessError) {
        warn(file, Text::tr("the file could not be opened; using the defaults"));
    } else {
        const QStringList stored = m_settings->allKeys();
        for (const QString &key : stored) {
            if (isOwnKey(key))
                continue;
            m_readOnly = true;
            warn(file, Text::tr("%1 is not a Socket Lab setting, so this is not a file the app can rewrite; using "
                          "the defaults for this run and leaving the file as it is (changes made now are not "
                          "saved)")
                           .arg(quoted(key)));
            break;
        }
    }
}

SettingsStore::~SettingsStore()
{
    delete m_settings;
}

QVariant SettingsStore::read(const QString &key) const
{
    return m_readOnly ? QVariant() : m_settings->value(key);
}

void SettingsStore::store(const QString &key, const QVariant &value)
{
    // Only what differs from the value in effect is written, so a value the app could not read
    // (and replaced by its default) stays in the file until the user picks another.
    const auto known = m_inEffect.constFind(key);
    if (known != m_inEffect.cend() && *known == value)
        return;
    m_inEffect.insert(key, value);
    if (!m_readOnly && !m_recordOnly)
        m_settings->setValue(key, value);
}

void SettingsStore::remove(const QString &group, const QStringList &keys)
{
    for (const QString &key : keys)
        m_inEffect.remove(key);
    if (!m_readOnly && !m_recordOnly)
        m_settings->remove(group);
}

void SettingsStore::noteInEffect(const QString &key, const QVariant &value) const
{
    m_inEffect.insert(key, value);
}

int SettingsStore::boundedInt(const QString &key, int defaultValue, int minimum, int maximum) const
{
    const QVariant raw = read(key);
    if (!raw.isValid())
        return inEffect(key, defaultValue);
    bool ok = false;
    const qlonglong value = raw.toLongLong(&ok);
    if (!ok || value < minimum || value > maximum) {
        warn(key, Text::tr("%1 is not a whole number from %2 to %3; using %4 (the file keeps its value until you "
                     "change this one)")
                      .arg(quoted(raw))
                      .arg(minimum)
                      .arg(maximum)
                      .arg(defaultValue));
        return inEffect(key, defaultValue);
    }
    return inEffect(key, int(value));
}

bool SettingsStore::checkedBool(const QString &key) const
{
    const QVariant raw = read(key);
    if (!raw.isValid())
        return inEffect(key, false);
    // QVariant calls any text other than "", "0" and "false" true; only true and false count here.
    if (raw.typeId() == QMetaType::Bool)
        return inEffect(key, raw.toBool());
    const QString text = raw.typeId() == QMetaType::QString ? raw.toString().trimmed().toLower() : QString();
    if (text == QLatin1String("true"))
        return inEffect(key, true);
    if (text != QLatin1String("false"))
        warn(key, Text::tr("%1 is neither true nor false; using false").arg(quoted(raw)));
    return inEffect(key, false);
}

void SettingsStore::warn(const QString &key, const QString &problem) const
{
    const QString line = Text::tr("Settings: %1: %2").arg(key, problem);
    if (m_warnings.contains(line))
        return;
    m_warnings.append(line);
    qCWarning(lcSettings, "%s", qUtf8Printable(line));
}

QStringList SettingsStore::warnings() const
{
    return m_warnings;
}

QString SettingsStore::quoted(const QVariant &value)
{
    static constexpr qsizetype MaxShown = 40;
    QString text = value.toString().left(MaxShown + 1);
    for (QChar &c : text) {
        if (!c.isPrint())
            c = QChar::ReplacementCharacter;
    }
    if (text.size() > MaxShown)
        text = text.left(MaxShown) + QStringLiteral("\u2026");
    return QLatin1Char('"') + text + QLatin1Char('"');
}

void SettingsStore::sync()
{
    m_settings->sync();
}

void SettingsStore::setRecordOnly(bool recordOnly)
{
    m_recordOnly = recordOnly;
}

bool SettingsStore::isReadOnly() const
{
    return m_readOnly;
}
