#pragma once

#include <QWidget>

#include <array>

class QPainter;

// The listening socket's life as the system calls go: socket() → bind() → listen(backlog) →
// accept() → close(), one box per call (a TLS listener's handshake between accept() and close()), the current ones highlighted and a failed one in the
// error colour with its errno name. Fits one text line; shrinks its text rather than clip.
class LifecycleStrip final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LifecycleStrip)

public:
    enum class Stage { Stopped, Listening, Paused, Failed };
    Q_ENUM(Stage)

    // The boxes, left to right; also the failed-step numbers of setFailure() (Socket is 1).
    // HandshakeStep is drawn only for a TLS listener.
    enum Step { SocketStep, BindStep, ListenStep, AcceptStep, HandshakeStep, CloseStep, StepCount };

    explicit LifecycleStrip(QWidget *parent = nullptr);
    ~LifecycleStrip() override;

    void setStage(Stage stage);
    Stage stage() const { return m_stage; }
    void setBacklog(int backlog);
    // Shown on accept() and close().
    void setCounts(quint64 accepted, quint64 closed);
    // A TLS listener: the handshake step shows, with its counts.
    void setTls(bool tls);
    bool isTls() const { return m_tls; }
    void setHandshakeCounts(quint64 done, quint64 failed);
    // failedStep: 0 none, 1 socket(), 2 bind(), 3 listen(). Drawn while the stage is Failed; the
    // message goes in the failed box's tooltip.
    void setFailure(int failedStep, const QString &errnoName, const QString &message);

    // "socket() → bind() → listen(5) → accept() · 12 → close() · 10: listening"
    QString text() const;
    // Where a step's box is drawn, in widget coordinates; empty for a step not drawn.
    QRect stepRect(Step step) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    enum class Look { Idle, Done, Active, Dimmed, Failed };
    struct Placement
    {
        QFont font;
        std::array<QRect, StepCount> boxes;
        std::array<QString, StepCount> labels;
    };

    bool isShown(Step step) const;
    int shownCount() const;
    QString label(Step step, bool compact) const;
    QString countText(quint64 count, bool compact) const;
    QString stageText() const;
    Look lookOf(Step step) const;
    QString stepToolTip(Step step) const;
    int naturalWidth(const QFont &font, const std::array<QString, StepCount> &labels) const;
    Placement place() const;
    void changed();
    void paintBox(QPainter &painter, const QRect &box, const QString &text, Look look) const;
    void paintArrow(QPainter &painter, int fromX, int toX, int y) const;

    Stage m_stage = Stage::Stopped;
    int m_backlog = 0;
    quint64 m_accepted = 0;
    quint64 m_closed = 0;
    bool m_tls = false;
    quint64 m_handshakesDone = 0;
    quint64 m_handshakesFailed = 0;
    int m_failedStep = 0;
    QString m_errnoName;
    QString m_failureMessage;
};
