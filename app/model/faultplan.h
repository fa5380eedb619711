#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

// The faults a listener injects into its connections, like Toxiproxy's toxics. Each is off at 0
// (or false). They apply to new connections, and can be switched on or off on open ones.
struct Faults
{
    static constexpr int MaxDelayMs = 600000;           // latency, jitter, slice gap, slow close
    static constexpr int MaxBandwidthKiB = 1024 * 1024; // 1 GiB/s
    static constexpr int MaxSliceBytes = 1024 * 1024;
    static constexpr qint64 MaxByteCount = Q_INT64_C(1) << 50;
    static constexpr int MaxResetAfterMs = 24 * 3600 * 1000;

    int latencyMs = 0;  // every write waits this long...
    int jitterMs = 0;   // ... give or take up to this much
    int bandwidthKiB = 0; // KiB/s, each direction
    int sliceBytes = 0;   // writes go out in pieces of this many bytes...
    int sliceDelayMs = 0; // ... this long apart
    bool stallReads = false; // nothing is read: the peer's sends block once the windows fill
    qint64 resetAfterBytes = 0; // RST once this many bytes arrived
    int resetAfterMs = 0;       // RST this long after the fault was applied
    qint64 closeAfterBytes = 0; // FIN once this many bytes went either way
    bool acceptThenReset = false; // RST every new connection at once
    int slowCloseMs = 0;          // the server's FIN waits this long

    bool any() const;
    // "latency 300±50 ms, slice 10 B/50 ms"; empty when none is on.
    QString summary() const;
    // The faults as their flags' words, "latency=300:50 slice=10:50 stall-reads", for the
    // settings; parse() reads it back.
    QString toText() const;
    static std::optional<Faults> parse(const QString &text, QString *error);
    // One fault from its flag's name (latency, bandwidth, slice, stall-reads, reset-after,
    // close-after, accept-then-reset, slow-close) and value; why the value is bad, or empty.
    QString set(const QString &name, const QString &value);
    static QStringList names();
    // Whether the flag takes a value.
    static bool takesValue(const QString &name);

    bool operator==(const Faults &other) const;
    bool operator!=(const Faults &other) const { return !(*this == other); }
};

Q_DECLARE_METATYPE(Faults)
