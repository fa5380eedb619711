#include "profilefile.h"

#include "descriptorlimit.h"
#include "endpoint.h"
#include "jsonfields.h"
#include "responserulejson.h"
#include "settings.h"
#include "textescapes.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace {

QString tlsSourceName(TlsCertificateSource source)
{
    return source == TlsCertificateSource::Files ? QStringLiteral("files") : QStringLiteral("self-signed");
}

QJsonObject tlsToJson(const TlsSettings &tls)
{
    QJsonObject object{
        {QStringLiteral("source"), tlsSourceName(tls.source)},
        {QStringLiteral("minimumProtocol"), TlsSettings::minimumProtocolText(tls.minimumProtocol)},
        {QStringLiteral("clientCertificate"), TlsSettings::clientCertificateText(tls.clientCertificate)},
        {QStringLiteral("alpn"), TlsSettings::alpnText(tls.alpn)},
        {QStringLiteral("handshakeTimeoutSeconds"), tls.handshakeTimeoutSeconds},
    };
    if (!tls.certificatePath.isEmpty())
        object.insert(QStringLiteral("certificate"), tls.certificatePath);
    if (!tls.keyPath.isEmpty())
        object.insert(QStringLiteral("key"), tls.keyPath);
    if (!tls.caPath.isEmpty())
        object.insert(QStringLiteral("ca"), tls.caPath);
    return object;
}

// {"latency": "300:50", "bandwidth": 64, "stall-reads": true, ...}: the flags' names and values,
// a number where the value is one; reset-after may hold a byte count and a time as a list.
QJsonObject faultsToJson(const Faults &faults)
{
    QJsonObject object;
    const QStringList words = faults.toText().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &word : words) {
        const QString name = word.section(QLatin1Char('='), 0, 0);
        if (!Faults::takesValue(name)) {
            object.insert(name, true);
            continue;
        }
        const QString text = word.section(QLatin1Char('='), 1);
        bool isNumber = false;
        const qint64 number = text.toLongLong(&isNumber);
        const QJsonValue value = isNumber ? QJsonValue(double(number)) : QJsonValue(text);
        if (object.contains(name))
            object.insert(name, QJsonArray{object.value(name), value});
        else
            object.insert(name, value);
    }
    return object;
}

std::optional<Faults> faultsFromJson(const QJsonValue &value, const QString &where, QString *error)
{
    if (!value.isObject()) {
        *error = QCoreApplication::translate("ProfileFile", "%1: not an object").arg(where);
        return std::nullopt;
    }
    const QJsonObject object = value.toObject();
    Faults faults;
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString name = where + QLatin1Char('.') + it.key();
        if (!Faults::names().contains(it.key())) {
            *error = QCoreApplication::translate("ProfileFile", "%1: unknown key").arg(name);
            return std::nullopt;
        }
        if (!Faults::takesValue(it.key())) {
            if (!it.value().isBool()) {
                *error = QCoreApplication::translate("ProfileFile", "%1: not true or false").arg(name);
                return std::nullopt;
            }
            if (it.value().toBool())
                faults.set(it.key(), QString());
            continue;
        }
        const QJsonArray values = it.value().isArray() ? it.value().toArray() : QJsonArray{it.value()};
        for (const QJsonValue &one : values) {
            QString text;
            if (one.isString())
                text = one.toString();
            else if (one.isDouble() && one.toDouble() == double(qint64(one.toDouble())))
                text = QString::number(qint64(one.toDouble()));
            const QString problem = text.isEmpty() ? QCoreApplication::translate("ProfileFile", "not a number or text")
                                                   : faults.set(it.key(), text);
            if (!problem.isEmpty()) {
                *error = QStringLiteral("%1: %2").arg(name, problem);
                return std::nullopt;
            }
        }
    }
    return faults;
}

QJsonObject listenerToJson(const ListenerConfig &config)
{
    const ServerBehaviour &behaviour = config.behaviour;
    QJsonObject object{
        {QStringLiteral("protocol"), listenerProtocolName(config.protocol)},
        {QStringLiteral("address"), config.address},
        {QStringLiteral("port"), config.port},
        {QStringLiteral("backlog"), config.backlog},
        {QStringLiteral("closeConnectionsOnStop"), config.closeConnectionsOnStop},
        {QStringLiteral("mode"), serverModeName(behaviour.mode)},
        {QStringLiteral("greeting"), config.greetingText},
        {QStringLiteral("maxConnections"), behaviour.maxConnections},
        {QStringLiteral("transcriptKiB"), int(behaviour.transcriptCapacity / 1024)},
        {QStringLiteral("allow"), behaviour.allowList.toString()},
        {QStringLiteral("deny"), behaviour.denyList.toString()},
        {QStringLiteral("idleTimeoutSeconds"), behaviour.idleTimeoutSeconds},
        {QStringLiteral("rules"), ResponseRuleJson::listToJson(behaviour.rules)},
    };
    if (!config.name.isEmpty())
        object.insert(QStringLiteral("name"), config.name);
    if (behaviour.faults.any())
        object.insert(QStringLiteral("faults"), faultsToJson(behaviour.faults));
    if (behaviour.forwardTarget.isValid())
        object.insert(QStringLiteral("forward"), behaviour.forwardTarget.toString());
    if (config.protocol == ListenerProtocol::Tls)
        object.insert(QStringLiteral("tls"), tlsToJson(config.tls));
    return object;
}

std::optional<TlsSettings> tlsFromJson(const QJsonValue &value, const QString &where, QString *error)
{
    if (!value.isObject()) {
        *error = QCoreApplication::translate("ProfileFile", "%1: not an object").arg(where);
        return std::nullopt;
    }
    JsonFields fields(value.toObject(), where);
    TlsSettings tls;
    if (const auto source = fields.string(QStringLiteral("source"))) {
        if (*source == QLatin1String("files"))
            tls.source = TlsCertificateSource::Files;
        else if (*source == QLatin1String("self-signed"))
            tls.source = TlsCertificateSource::SelfSigned;
        else
            fields.fail(QStringLiteral("source"),
                        QCoreApplication::translate("ProfileFile", "\"%1\" is neither self-signed nor files").arg(*source));
    }
    tls.certificatePath = fields.string(QStringLiteral("certificate")).value_or(QString());
    tls.keyPath = fields.string(QStringLiteral("key")).value_or(QString());
    tls.caPath = fields.string(QStringLiteral("ca")).value_or(QString());
    if (const auto minimum = fields.string(QStringLiteral("minimumProtocol"))) {
        if (const auto parsed = TlsSettings::parseMinimumProtocol(*minimum))
            tls.minimumProtocol = *parsed;
        else
            fields.fail(QStringLiteral("minimumProtocol"),
                        QCoreApplication::translate("ProfileFile", "\"%1\" is neither 1.2 nor 1.3").arg(*minimum));
    }
    if (const auto client = fields.string(QStringLiteral("clientCertificate"))) {
        if (const auto parsed = TlsSettings::parseClientCertificate(*client))
            tls.clientCertificate = *parsed;
        else
            fields.fail(QStringLiteral("clientCertificate"),
                        QCoreApplication::translate("ProfileFile", "\"%1\" is not none, request or require").arg(*client));
    }
    if (const auto alpn = fields.string(QStringLiteral("alpn")))
        tls.alpn = TlsSettings::parseAlpn(*alpn);
    tls.handshakeTimeoutSeconds = fields.integer(QStringLiteral("handshakeTimeoutSeconds"), 1,
                                                 TlsSettings::MaxHandshakeTimeoutSeconds)
                                      .value_or(TlsSettings::DefaultHandshakeTimeoutSeconds);
    if (tls.source == TlsCertificateSource::Files && !fields.failed()
        && (tls.certificatePath.isEmpty() || tls.keyPath.isEmpty()))
        fields.fail(QStringLiteral("source"),
                    QCoreApplication::translate("ProfileFile", "files needs both certificate and key"));
    if (!fields.finish()) {
        *error = fields.error();
        return std::nullopt;
    }
    return tls;
}

AccessList accessListFrom(JsonFields &fields, const QString &key)
{
    const auto text = fields.string(key);
    if (!text)
        return {};
    QString problem;
    const AccessList list = AccessList::parse(*text, &problem);
    if (!list.isValid())
        fields.fail(key, list.error());
    return list;
}

std::optional<ListenerConfig> listenerFromJson(const QJsonValue &value, const QString &where, QString *error)
{
    if (!value.isObject()) {
        *error = QCoreApplication::translate("ProfileFile", "%1: not an object").arg(where);
        return std::nullopt;
    }
    JsonFields fields(value.toObject(), where);
    ListenerConfig config;
    ServerBehaviour &behaviour = config.behaviour;
    config.name = fields.string(QStringLiteral("name")).value_or(QString()).left(Settings::MaxListenerName);
    if (const auto protocol = fields.string(QStringLiteral("protocol"))) {
        if (const auto parsed = listenerProtocolFromName(*protocol))
            config.protocol = *parsed;
        else
            fields.fail(QStringLiteral("protocol"),
                        QCoreApplication::translate("ProfileFile", "\"%1\" is neither tcp nor tls").arg(*protocol));
    }
    if (const auto address = fields.string(QStringLiteral("address"))) {
        const auto parsed = Endpoint::parseAddress(*address);
        if (parsed.error.isEmpty())
            config.address = address->trimmed();
        else
            fields.fail(QStringLiteral("address"), parsed.error);
    }
    config.port = quint16(fields.integer(QStringLiteral("port"), 0, 65535).value_or(config.port));
    config.backlog = fields.integer(QStringLiteral("backlog"), 1, 65535).value_or(config.backlog);
    config.closeConnectionsOnStop =
        fields.boolean(QStringLiteral("closeConnectionsOnStop")).value_or(config.closeConnectionsOnStop);
    if (const auto mode = fields.string(QStringLiteral("mode"))) {
        if (const auto parsed = serverModeFromName(*mode))
            behaviour.mode = *parsed;
        else
            fields.fail(QStringLiteral("mode"),
                        QCoreApplication::translate("ProfileFile", "\"%1\" is not a mode (hold, echo, discard, greeting, close, forward)")
                            .arg(*mode));
    }
    if (const auto greeting = fields.string(QStringLiteral("greeting"))) {
        const QString problem = TextEscapes::check(*greeting);
        if (problem.isEmpty())
            config.greetingText = *greeting;
        else
            fields.fail(QStringLiteral("greeting"), problem);
    }
    behaviour.greeting = TextEscapes::unescape(config.greetingText);
    behaviour.maxConnections = fields.integer(QStringLiteral("maxConnections"), 1, DescriptorLimit::maxConnections())
                                   .value_or(behaviour.maxConnections);
    if (const auto kib = fields.integer(QStringLiteral("transcriptKiB"), 0, Settings::MaxTranscriptKiB))
        behaviour.transcriptCapacity = qsizetype(*kib) * 1024;
    behaviour.allowList = accessListFrom(fields, QStringLiteral("allow"));
    behaviour.denyList = accessListFrom(fields, QStringLiteral("deny"));
    behaviour.idleTimeoutSeconds = fields.integer(QStringLiteral("idleTimeoutSeconds"), 0, Settings::MaxIdleTimeoutSeconds)
                                       .value_or(behaviour.idleTimeoutSeconds);
    if (fields.has(QStringLiteral("rules")) && !fields.failed()) {
        QString problem;
        const auto rules = ResponseRuleJson::listFromJson(fields.value(QStringLiteral("rules")),
                                                          fields.nameOf(QStringLiteral("rules")), &problem);
        if (!rules) {
            *error = problem;
            return std::nullopt;
        }
        behaviour.rules = *rules;
    }
    if (const auto forward = fields.string(QStringLiteral("forward"))) {
        QString problem;
        if (const auto target = ForwardTarget::parse(*forward, &problem))
            behaviour.forwardTarget = *target;
        else
            fields.fail(QStringLiteral("forward"), problem);
    }
    if (behaviour.mode == ServerMode::Forward && !behaviour.forwardTarget.isValid() && !fields.failed())
        fields.fail(QStringLiteral("mode"),
                    QCoreApplication::translate("ProfileFile", "forward needs \"forward\": \"HOST:PORT\", the upstream"));
    if (fields.has(QStringLiteral("faults")) && !fields.failed()) {
        QString problem;
        const auto faults =
            faultsFromJson(fields.value(QStringLiteral("faults")), fields.nameOf(QStringLiteral("faults")), &problem);
        if (!faults) {
            *error = problem;
            return std::nullopt;
        }
        behaviour.faults = *faults;
    }
    if (fields.has(QStringLiteral("tls")) && !fields.failed()) {
        QString problem;
        const auto tls = tlsFromJson(fields.value(QStringLiteral("tls")), fields.nameOf(QStringLiteral("tls")), &problem);
        if (!tls) {
            *error = problem;
            return std::nullopt;
        }
        config.tls = *tls;
    }
    if (!fields.finish()) {
        *error = fields.error();
        return std::nullopt;
    }
    return config;
}

} // namespace

QByteArray ProfileFile::toJson(const Contents &contents)
{
    QJsonArray listeners;
    for (const ListenerConfig &config : contents.listeners)
        listeners.append(listenerToJson(config));
    QJsonObject root{{QStringLiteral("version"), Version}, {QStringLiteral("listeners"), listeners}};
    if (!contents.description.isEmpty())
        root.insert(QStringLiteral("description"), contents.description);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<ProfileFile::Contents> ProfileFile::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        // The offset as a line and column, which is what an editor shows.
        const QByteArray before = json.left(parseError.offset);
        const auto line = before.count('\n') + 1;
        const auto column = parseError.offset - (before.lastIndexOf('\n') + 1) + 1;
        *error = QCoreApplication::translate("ProfileFile", "not JSON: %1 at line %2, column %3")
                     .arg(parseError.errorString())
                     .arg(line)
                     .arg(column);
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = QCoreApplication::translate("ProfileFile", "not a profile: the file is not a JSON object");
        return std::nullopt;
    }
    JsonFields fields(document.object(), QString());
    const auto version = fields.value(QStringLiteral("version"));
    if (version.isUndefined()) {
        *error = QCoreApplication::translate("ProfileFile", "version: missing; a profile says which version it is");
        return std::nullopt;
    }
    if (!version.isDouble() || version.toDouble() != Version) {
        *error = QCoreApplication::translate("ProfileFile", "version: %1 is not a version this Socket Lab reads (%2)")
                     .arg(QString::fromUtf8(QJsonDocument(QJsonArray{version}).toJson(QJsonDocument::Compact)).mid(1).chopped(1))
                     .arg(Version);
        return std::nullopt;
    }
    Contents contents;
    contents.description = fields.string(QStringLiteral("description")).value_or(QString());
    const QJsonValue listeners = fields.value(QStringLiteral("listeners"));
    if (!fields.failed() && (!listeners.isArray() || listeners.toArray().isEmpty()
                             || listeners.toArray().size() > Settings::MaxListeners))
        fields.fail(QStringLiteral("listeners"),
                    QCoreApplication::translate("ProfileFile", "needs a list of 1 to %1 listeners").arg(Settings::MaxListeners));
    if (!fields.finish()) {
        *error = fields.error();
        return std::nullopt;
    }
    const QJsonArray array = listeners.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const auto config = listenerFromJson(array.at(i), QStringLiteral("listeners[%1]").arg(i + 1), error);
        if (!config)
            return std::nullopt;
        contents.listeners.append(*config);
    }
    const QStringList conflicts = ListenerConfig::conflicts(contents.listeners);
    if (!conflicts.isEmpty()) {
        *error = QStringLiteral("listeners: %1").arg(conflicts.constFirst());
        return std::nullopt;
    }
    return contents;
}

std::optional<ProfileFile::Contents> ProfileFile::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("ProfileFile", "cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > MaxBytes) {
        *error = QCoreApplication::translate("ProfileFile", "%1 is larger than %2 MiB; not a profile")
                     .arg(path)
                     .arg(MaxBytes / (1024 * 1024));
        return std::nullopt;
    }
    QString problem;
    auto contents = fromJson(file.read(MaxBytes), &problem);
    if (!contents)
        *error = QStringLiteral("%1: %2").arg(path, problem);
    return contents;
}

bool ProfileFile::save(const QString &path, const Contents &contents, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toJson(contents)) < 0 || !file.commit()) {
        *error = QCoreApplication::translate("ProfileFile", "cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}
