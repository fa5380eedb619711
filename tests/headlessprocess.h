#pragma once

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

class QRegularExpression;

// One run of the socketlab binary, its stdout split into lines as they arrive, for the suites
// that test the binary from outside.
class HeadlessProcess final
{
    Q_DISABLE_COPY_MOVE(HeadlessProcess)

public:
    static constexpr int Timeout = 10000;

    HeadlessProcess() = default;
    // A failed test must not leave the server running.
    ~HeadlessProcess();

    void start(const QString &program, const QProcessEnvironment &environment, const QStringList &arguments);
    // Waits for "Socket bound to HOST:PORT" and returns the port; 0 when it never came.
    quint16 waitForPort();
    // Takes whatever is left once the process ended.
    void finishReading();
    QString standardError();

    // Index of the first line whose text (timestamp removed) matches, or -1.
    int indexOf(const QRegularExpression &pattern, int from = 0) const;
    int indexOf(const QString &exactText, int from = 0) const;
    QString dump() const;

    QProcess process;
    QStringList rawLines;     // as printed
    QStringList texts;        // without the "hh:mm:ss.zzz  " prefix
    QList<bool> hasTimestamp; // per line

private:
    void readOutput();
    void addLine(const QString &line);

    QByteArray m_partial;
    QString m_stderr;
};

// The "socketlab: ..." line of stderr and the one after it.
QStringList usageLines(const QString &standardError);
