#include "listenerset.h"

#include "endpoint.h"
#include "listenercontroller.h"
#include "listenerpanel.h"
#include "listenersview.h"
#include "listenertablemodel.h"
#include "tlscredentials.h"
#include "updatebatch.h"

#include <QAction>
#include <QInputDialog>
#include <QLineEdit>

ListenerSet::ListenerSet(ListenerController *controller, ListenerPanel *panel, QObject *parent)
    : QObject(parent)
    , m_controller(controller)
    , m_panel(panel)
    , m_model(new ListenerTableModel(this))
    , m_transcriptCapacity(ServerBehaviour().transcriptCapacity)
{
    // Start and Stop in the form act on the current listener.
    connect(m_panel, &ListenerPanel::startRequested, this, [this](const QHostAddress &address, quint16 port, int backlog) {
        storeForm();
        emit configsChanged();
        if (prepareProtocol(m_currentId, m_panel->config()))
            m_controller->start(m_currentId, address, port, backlog);
    });
    connect(m_panel, &ListenerPanel::stopRequested, this,
            [this](bool closeConnections) { m_controller->stop(m_currentId, closeConnections); });
    connect(m_panel, &ListenerPanel::pauseRequested, this,
            [this](bool paused) { m_controller->setPaused(m_currentId, paused); });
    connect(m_panel, &ListenerPanel::behaviourChanged, this, &ListenerSet::applyCurrentBehaviour);
    connect(m_panel, &ListenerPanel::formEdited, this, &ListenerSet::storeForm);
    connect(m_panel, &ListenerPanel::tlsEdited, this, [this] {
        storeForm();
        emit configsChanged();
    });
}

ListenerSet::~ListenerSet() = default;

void ListenerSet::setView(ListenersView *view)
{
    m_view = view;
    connect(view, &ListenersView::currentChanged, this, &ListenerSet::follow);
    connect(view, &ListenersView::addRequested, this, &ListenerSet::add);
    connect(view, &ListenersView::duplicateRequested, this, &ListenerSet::duplicate);
    connect(view, &ListenersView::removeRequested, this, &ListenerSet::remove);
    connect(view, &ListenersView::startStopRequested, this, &ListenerSet::startOrStop);
    connect(view, &ListenersView::startAllRequested, this, &ListenerSet::startAll);
    connect(view, &ListenersView::stopAllRequested, this, &ListenerSet::stopAll);
    if (m_currentId != 0)
        view->setCurrentId(m_currentId);
}

void ListenerSet::restore(const QList<ListenerConfig> &configs)
{
    const QList<ListenerConfig> list = configs.isEmpty() ? QList<ListenerConfig>{ListenerConfig()} : configs;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const int id = i == 0 ? ListenerController::FirstListenerId : m_controller->addListener();
        ServerBehaviour behaviour = list.at(i).behaviour;
        behaviour.transcriptCapacity = m_transcriptCapacity;
        m_controller->setBehaviour(id, behaviour);
        m_model->addListener(id, list.at(i));
    }
    m_currentId = ListenerController::FirstListenerId;
    showCurrent();
    if (m_view)
        m_view->setCurrentId(m_currentId);
}

QList<ListenerConfig> ListenerSet::configs() const
{
    QList<ListenerConfig> configs = m_model->configs();
    const int row = m_model->rowOf(m_currentId);
    if (row >= 0)
        configs[row] = m_panel->config();
    return configs;
}

void ListenerSet::storeForm()
{
    if (m_currentId != 0)
        m_model->setConfig(m_currentId, m_panel->config());
}

void ListenerSet::follow(int listenerId)
{
    if (listenerId == m_currentId || m_model->rowOf(listenerId) < 0)
        return;
    storeForm();
    m_currentId = listenerId;
    showCurrent();
    if (m_view)
        m_view->setCurrentId(listenerId);
    emit currentChanged(listenerId);
}

void ListenerSet::showCurrent()
{
    const QSignalBlocker blocker(m_panel);
    m_panel->setOtherListeners(othersThan(m_currentId));
    m_panel->setConfig(m_model->config(m_currentId));
    m_panel->showStatus(m_model->status(m_currentId));
    m_panel->showRuleMatches(m_model->totals(m_currentId).ruleMatches);
    m_panel->setTitle(tr("Listener %1").arg(m_model->label(m_currentId)));
}

QList<ListenerConfig> ListenerSet::othersThan(int listenerId) const
{
    QList<ListenerConfig> others;
    const QList<int> ids = m_model->ids();
    for (int id : ids) {
        if (id != listenerId)
            others.append(m_model->config(id));
    }
    return others;
}

void ListenerSet::applyBatch(const UpdateBatch &batch)
{
    m_model->applyBatch(batch);
    if (batch.listenerId == m_currentId && batch.statusChanged) {
        m_panel->showStatus(batch.status);
        m_panel->setTitle(tr("Listener %1").arg(m_model->label(m_currentId)));
    }
    if (batch.listenerId == m_currentId)
        m_panel->showRuleMatches(batch.totals.ruleMatches);
}

void ListenerSet::setTranscriptCapacity(qsizetype bytes)
{
    m_transcriptCapacity = bytes;
    const QList<int> ids = m_model->ids();
    for (int id : ids) {
        ServerBehaviour behaviour = id == m_currentId ? m_panel->behaviour() : m_model->config(id).behaviour;
        behaviour.transcriptCapacity = bytes;
        m_controller->setBehaviour(id, behaviour);
    }
}

void ListenerSet::applyCurrentBehaviour()
{
    ServerBehaviour behaviour = m_panel->behaviour();
    behaviour.transcriptCapacity = m_transcriptCapacity;
    m_controller->setBehaviour(m_currentId, behaviour);
    storeForm();
    emit configsChanged();
}

quint16 ListenerSet::freePort(quint16 from) const
{
    const QList<ListenerConfig> all = configs();
    for (quint32 port = std::max<quint32>(from, 1); port <= 65535; ++port) {
        bool used = false;
        for (const ListenerConfig &config : all)
            used = used || config.port == port;
        if (!used)
            return quint16(port);
    }
    return 0;
}

int ListenerSet::addConfig(const ListenerConfig &config)
{
    const int id = m_controller->addListener();
    ServerBehaviour behaviour = config.behaviour;
    behaviour.transcriptCapacity = m_transcriptCapacity;
    m_controller->setBehaviour(id, behaviour);
    m_model->addListener(id, config);
    follow(id);
    emit configsChanged();
    return id;
}

void ListenerSet::add()
{
    ListenerConfig config;
    config.port = freePort(9000);
    addConfig(config);
}

void ListenerSet::addAndStart(const ListenerConfig &config)
{
    startFromConfig(addConfig(config));
}

void ListenerSet::duplicate(int listenerId)
{
    storeForm();
    ListenerConfig config = m_model->config(listenerId);
    config.port = freePort(config.port == 0 ? 9000 : config.port);
    addConfig(config);
}

void ListenerSet::remove(int listenerId)
{
    if (m_model->rowCount() <= 1 || m_model->rowOf(listenerId) < 0)
        return;
    const int row = m_model->rowOf(listenerId);
    m_controller->removeListener(listenerId);
    if (listenerId == m_currentId) {
        const int next = m_model->idAt(row + 1 < m_model->rowCount() ? row + 1 : row - 1);
        follow(next);
    }
    m_model->removeListener(listenerId);
    showCurrent();
    emit configsChanged();
}

void ListenerSet::replaceAll(const QList<ListenerConfig> &configs)
{
    if (configs.isEmpty())
        return;
    const QList<int> old = m_model->ids();
    QList<int> added;
    for (const ListenerConfig &config : configs) {
        const int id = m_controller->addListener();
        ServerBehaviour behaviour = config.behaviour;
        behaviour.transcriptCapacity = m_transcriptCapacity;
        m_controller->setBehaviour(id, behaviour);
        m_model->addListener(id, config);
        added.append(id);
    }
    for (const int id : old) {
        m_controller->removeListener(id);
        m_model->removeListener(id);
    }
    m_currentId = 0; // the form's fields belong to a listener that is gone: not stored back
    follow(added.constFirst());
    showCurrent();
    emit configsChanged();
}

void ListenerSet::startOrStop(int listenerId)
{
    if (m_model->status(listenerId).state == ListenerState::Listening) {
        const bool closeConnections = listenerId == m_currentId ? m_panel->closeConnectionsOnStop()
                                                                : m_model->config(listenerId).closeConnectionsOnStop;
        m_controller->stop(listenerId, closeConnections);
        return;
    }
    // The form checks and asks what a start needs (a valid address, all interfaces confirmed).
    follow(listenerId);
    m_panel->startStopAction()->trigger();
}

bool ListenerSet::startFromConfig(int listenerId)
{
    const ListenerConfig config = listenerId == m_currentId ? m_panel->config() : m_model->config(listenerId);
    const Endpoint::AddressResult address = Endpoint::parseAddress(config.address);
    QString reason = address.error;
    if (reason.isEmpty() && Endpoint::isAllInterfaces(address.address) && !m_panel->allInterfacesConfirmed())
        reason = tr("listening on all interfaces needs a confirmation: start it from the form");
    if (reason.isEmpty()) {
        const QList<ListenerConfig> others = othersThan(listenerId);
        if (const qsizetype overlap = config.firstOverlap(others); overlap >= 0)
            reason = tr("another listener already uses %1:%2").arg(others.at(overlap).address).arg(others.at(overlap).port);
    }
    if (!reason.isEmpty()) {
        emit refused(tr("Listener %1 not started: %2").arg(m_model->label(listenerId), reason));
        return false;
    }
    if (!prepareProtocol(listenerId, config))
        return false;
    m_controller->start(listenerId, address.address, config.port, config.backlog);
    return true;
}

void ListenerSet::startAll()
{
    storeForm();
    const QList<int> ids = m_model->ids();
    for (int id : ids) {
        if (m_model->status(id).state != ListenerState::Listening)
            startFromConfig(id);
    }
}

void ListenerSet::stopAll()
{
    storeForm();
    const QList<int> ids = m_model->ids();
    for (int id : ids) {
        if (m_model->status(id).state == ListenerState::Listening)
            m_controller->stop(id, m_model->config(id).closeConnectionsOnStop);
    }
}

bool ListenerSet::prepareProtocol(int listenerId, const ListenerConfig &config)
{
    if (config.protocol != ListenerProtocol::Tls) {
        m_controller->setTls(listenerId, std::nullopt);
        return true;
    }
    TlsCredentials::Result result = TlsCredentials::load(config.tls);
    // Asked for at each start and kept nowhere; a wrong one is asked for once more, with why.
    for (int attempt = 0; result.needsPassphrase && attempt < 2; ++attempt) {
        const QString question = attempt == 0
            ? tr("The key of listener %1 is encrypted.\nPassphrase:").arg(m_model->label(listenerId))
            : tr("%1.\nPassphrase:").arg(result.error);
        bool ok = false;
        QString passphrase = QInputDialog::getText(m_panel, tr("Key passphrase"), question, QLineEdit::Password,
                                                   QString(), &ok);
        if (!ok) {
            refuseStart(listenerId, tr("no passphrase was given for the key"));
            return false;
        }
        QByteArray bytes = passphrase.toUtf8();
        passphrase.fill(QLatin1Char(' '));
        result = TlsCredentials::load(config.tls, bytes);
        bytes.fill('\0');
    }
    if (!result.ok()) {
        refuseStart(listenerId, result.error);
        return false;
    }
    for (const QString &warning : std::as_const(result.warnings))
        emit warned(tr("Listener %1: %2").arg(m_model->label(listenerId), warning));
    m_controller->setTls(listenerId, result.setup);
    return true;
}

void ListenerSet::refuseStart(int listenerId, const QString &reason)
{
    if (listenerId == m_currentId)
        m_panel->showStartError(reason);
    emit refused(tr("Listener %1 not started: %2").arg(m_model->label(listenerId), reason));
}
