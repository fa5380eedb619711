#include "headlessprocess.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QtTest>

HeadlessProcess::~HeadlessProcess()
{
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(Timeout);
    }
}

void HeadlessProcess::start(const QString &program, const QProcessEnvironment &environment,
                            const QStringList &arguments)
{
    QObject::connect(&process, &QProcess::readyReadStandardOutput, &process, [this] { readOutput(); });
    process.setProcessEnvironment(environment);
    process.setProgram(program);
    process.setArguments(arguments);
    process.start();
}

quint16 HeadlessProcess::waitForPort()
{
    static const QRegularExpression bound(QStringLiteral("^Socket bound to .*:(\\d+)$"));
    QElapsedTimer timer;
    timer.start();
    while (indexOf(bound) < 0 && timer.elapsed() < Timeout && process.state() != QProcess::NotRunning)
        QTest::qWait(10);
    const int line = indexOf(bound);
    return line < 0 ? 0 : quint16(bound.match(texts.at(line)).captured(1).toUInt());
}

void HeadlessProcess::finishReading()
{
    readOutput();
    if (!m_partial.isEmpty()) {
        addLine(QString::fromLocal8Bit(m_partial));
        m_partial.clear();
    }
    m_stderr += QString::fromLocal8Bit(process.readAllStandardError());
}

QString HeadlessProcess::standardError()
{
    m_stderr += QString::fromLocal8Bit(process.readAllStandardError());
    return m_stderr;
}

int HeadlessProcess::indexOf(const QRegularExpression &pattern, int from) const
{
    for (int i = from; i < texts.size(); ++i) {
        if (pattern.match(texts.at(i)).hasMatch())
            return i;
    }
    return -1;
}

int HeadlessProcess::indexOf(const QString &exactText, int from) const
{
    for (int i = from; i < texts.size(); ++i) {
        if (texts.at(i) == exactText)
            return i;
    }
    return -1;
}

QString HeadlessProcess::dump() const
{
    return QStringLiteral("stdout so far:\n") + rawLines.join(QLatin1Char('\n'));
}

void HeadlessProcess::readOutput()
{
    m_partial += process.readAllStandardOutput();
    qsizetype newline = m_partial.indexOf('\n');
    while (newline >= 0) {
        addLine(QString::fromLocal8Bit(m_partial.left(newline)));
        m_partial.remove(0, newline + 1);
        newline = m_partial.indexOf('\n');
    }
}

void HeadlessProcess::addLine(const QString &line)
{
    static const QRegularExpression stamped(QStringLiteral("^\\d\\d:\\d\\d:\\d\\d\\.\\d{3}  (.*)$"));
    const QRegularExpressionMatch match = stamped.match(line);
    rawLines.append(line);
    texts.append(match.hasMatch() ? match.captured(1) : line);
    hasTimestamp.append(match.hasMatch());
}

QStringList usageLines(const QString &standardError)
{
    const QStringList lines = standardError.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        if (lines.at(i).startsWith(QStringLiteral("socketlab: ")))
            return {lines.at(i), i + 1 < lines.size() ? lines.at(i + 1) : QString()};
    }
    return {};
}
