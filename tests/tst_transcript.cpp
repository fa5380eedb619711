// Transcript and TranscriptArchive: the bounded record of a connection's conversation.
#include "transcript.h"
#include "transcriptarchive.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QtTest>

namespace {

using Direction = TranscriptChunk::Direction;

// Every kept byte, in order, whatever its direction.
QByteArray allBytes(const Transcript &transcript)
{
    QByteArray bytes;
    for (const TranscriptChunk &chunk : transcript.chunks())
        bytes.append(chunk.data);
    return bytes;
}

// A stream where no two short windows look alike: byte i is (i * 7 + i / 251) mod 256.
QByteArray pattern(qsizetype from, qsizetype length)
{
    QByteArray bytes(length, Qt::Uninitialized);
    for (qsizetype i = 0; i < length; ++i) {
        const qsizetype at = from + i;
        bytes[i] = static_cast<char>((at * 7 + at / 251) & 0xff);
    }
    return bytes;
}

Transcript withBytes(qsizetype bytes, qint64 timestampMs = 1)
{
    Transcript transcript(1024 * 1024);
    transcript.append(Direction::Received, QByteArray(bytes, 'x'), timestampMs);
    return transcript;
}

} // namespace

class TestTranscript final : public QObject
{
    Q_OBJECT

private slots:
    void startsEmpty();
    void appendKeepsOrderDirectionAndTimestamps();
    void mergesSameDirectionSameMillisecond();
    void ruleRepliesStandAlone();
    void trimmingKeepsExactlyTheMostRecentBytes();
    void chunkLargerThanCapacityKeepsItsTail();
    void mergedChunkLargerThanCapacityKeepsItsTail();
    void userMessagesAreNeverMerged();
    void maxChunksBound();
    void chunksSinceReturnsWhatIsNew();
    void chunksSinceResendsAGrownLastChunk();
    void chunksSinceResendsATrimmedFrontChunk();
    void chunksSinceAfterTheKnownChunkWasDropped();
    void chunksSinceSeesAChunkThatGrewAndWasTrimmedToTheSameSize();
    void chunkSize();
    void setCapacityShrinksAndGrows();
    void clearKeepsCountingAndSequences();

    void archiveInsertAndFind();
    void archiveKeepsACopy();
    void archiveEvictsOldestFirstWithinBudget();
    void archiveRefusesATranscriptOverTheBudget();
    void archiveIgnoresADuplicateId();
    void archiveMaxCount();
    void archiveClear();
};

void TestTranscript::startsEmpty()
{
    const Transcript transcript;
    QVERIFY(transcript.isEmpty());
    QCOMPARE(transcript.capacity(), Transcript::DefaultCapacity);
    QCOMPARE(transcript.sizeBytes(), qsizetype(0));
    QCOMPARE(transcript.droppedBytes(), quint64(0));
    QCOMPARE(transcript.lastSequence(), quint64(0));
    QVERIFY(transcript.chunks().isEmpty());
    QVERIFY(transcript.chunksSince(0).isEmpty());
    QCOMPARE(transcript.totalBytes(), quint64(0));
    QCOMPARE(Transcript(-5).capacity(), qsizetype(0));
}

void TestTranscript::appendKeepsOrderDirectionAndTimestamps()
{
    Transcript transcript;
    transcript.append(Direction::Received, QByteArrayLiteral("hello\r\n"), 1000);
    transcript.append(Direction::Sent, QByteArrayLiteral("hi"), 1000);
    transcript.append(Direction::Received, QByteArray(), 1001); // nothing: ignored
    transcript.append(Direction::Received, QByteArrayLiteral("bye"), 1002);

    const QList<TranscriptChunk> chunks = transcript.chunks();
    QCOMPARE(chunks.size(), 3);
    QCOMPARE(chunks.at(0).direction, Direction::Received);
    QCOMPARE(chunks.at(0).data, QByteArrayLiteral("hello\r\n"));
    QCOMPARE(chunks.at(0).timestampMs, qint64(1000));
    QCOMPARE(chunks.at(0).sequence, quint64(1));
    QCOMPARE(chunks.at(1).direction, Direction::Sent);
    QCOMPARE(chunks.at(1).data, QByteArrayLiteral("hi"));
    QCOMPARE(chunks.at(1).timestampMs, qint64(1000));
    QCOMPARE(chunks.at(1).sequence, quint64(2));
    QCOMPARE(chunks.at(2).data, QByteArrayLiteral("bye"));
    QCOMPARE(chunks.at(2).timestampMs, qint64(1002));
    QCOMPARE(chunks.at(2).sequence, quint64(3));
    QCOMPARE(transcript.lastSequence(), quint64(3));
    QCOMPARE(transcript.sizeBytes(), qsizetype(12));
    QCOMPARE(transcript.droppedBytes(), quint64(0));
    QVERIFY(!transcript.isEmpty());
}

void TestTranscript::ruleRepliesStandAlone()
{
    Transcript transcript;
    transcript.append(Direction::Sent, QByteArrayLiteral("a"), 5);
    transcript.append(Direction::Sent, QByteArrayLiteral("PONG"), 5, Transcript::Merge::SameMillisecond, 2);
    transcript.append(Direction::Sent, QByteArrayLiteral("b"), 5); // not merged into the reply
    const QList<TranscriptChunk> chunks = transcript.chunks();
    QCOMPARE(chunks.size(), 3);
    QCOMPARE(chunks.at(0).rule, 0);
    QCOMPARE(chunks.at(1).data, QByteArrayLiteral("PONG"));
    QCOMPARE(chunks.at(1).rule, 2);
    QCOMPARE(chunks.at(2).rule, 0);
}

void TestTranscript::mergesSameDirectionSameMillisecond()
{
    Transcript transcript;
    transcript.append(Direction::Received, QByteArrayLiteral("ab"), 5);
    transcript.append(Direction::Received, QByteArrayLiteral("cd"), 5); // merged
    transcript.append(Direction::Received, QByteArrayLiteral("e"), 6);  // later: new chunk
    transcript.append(Direction::Sent, QByteArrayLiteral("x"), 6);      // other direction: new chunk
    transcript.append(Direction::Sent, QByteArrayLiteral("y"), 6);      // merged
    transcript.append(Direction::Received, QByteArrayLiteral("z"), 6);  // not merged with "e"

    const QList<TranscriptChunk> chunks = transcript.chunks();
    QCOMPARE(chunks.size(), 4);
    QCOMPARE(chunks.at(0).data, QByteArrayLiteral("abcd"));
    QCOMPARE(chunks.at(0).sequence, quint64(1));
    QCOMPARE(chunks.at(0).timestampMs, qint64(5));
    QCOMPARE(chunks.at(1).data, QByteArrayLiteral("e"));
    QCOMPARE(chunks.at(1).sequence, quint64(2));
    QCOMPARE(chunks.at(2).data, QByteArrayLiteral("xy"));
    QCOMPARE(chunks.at(2).direction, Direction::Sent);
    QCOMPARE(chunks.at(2).sequence, quint64(3));
    QCOMPARE(chunks.at(3).data, QByteArrayLiteral("z"));
    QCOMPARE(chunks.at(3).direction, Direction::Received);
    QCOMPARE(chunks.at(3).sequence, quint64(4));
    QCOMPARE(transcript.lastSequence(), quint64(4));
    QCOMPARE(transcript.sizeBytes(), qsizetype(8));
}

void TestTranscript::trimmingKeepsExactlyTheMostRecentBytes()
{
    constexpr qsizetype Capacity = 1000;
    Transcript transcript(Capacity);
    qsizetype total = 0;
    for (int i = 0; i < 300; ++i) {
        // Lengths 1..37, merged now and then (same direction, same millisecond).
        const qsizetype length = 1 + (i * 13) % 37;
        transcript.append(i % 3 == 0 ? Direction::Sent : Direction::Received, pattern(total, length), i / 2);
        total += length;
        const qsizetype kept = std::min(total, Capacity);
        QCOMPARE(transcript.sizeBytes(), kept);
        QCOMPARE(transcript.droppedBytes(), quint64(total - kept));
        QCOMPARE(allBytes(transcript), pattern(total - kept, kept));
    }
    QVERIFY(total > 5 * Capacity);
}

void TestTranscript::chunkLargerThanCapacityKeepsItsTail()
{
    Transcript transcript(8);
    transcript.append(Direction::Received, QByteArrayLiteral("0123456789abcdefghij"), 1);
    QCOMPARE(transcript.chunks().size(), 1);
    QCOMPARE(transcript.chunks().constFirst().data, QByteArrayLiteral("cdefghij"));
    QCOMPARE(transcript.chunks().constFirst().sequence, quint64(1));
    QCOMPARE(transcript.sizeBytes(), qsizetype(8));
    QCOMPARE(transcript.droppedBytes(), quint64(12));

    // A second oversized chunk pushes the first out entirely.
    transcript.append(Direction::Sent, QByteArrayLiteral("ABCDEFGHIJKL"), 2);
    QCOMPARE(transcript.chunks().size(), 1);
    QCOMPARE(transcript.chunks().constFirst().data, QByteArrayLiteral("EFGHIJKL"));
    QCOMPARE(transcript.chunks().constFirst().direction, Direction::Sent);
    QCOMPARE(transcript.chunks().constFirst().sequence, quint64(2));
    QCOMPARE(transcript.droppedBytes(), quint64(24));
}

void TestTranscript::userMessagesAreNeverMerged()
{
    Transcript transcript;
    transcript.append(Direction::Sent, QByteArrayLiteral("hello\r\n"), 5, Transcript::Merge::Never);
    transcript.append(Direction::Sent, QByteArrayLiteral("Hi\n"), 5, Transcript::Merge::Never);
    // An echo in the same millisecond may join the message before it.
    transcript.append(Direction::Sent, QByteArrayLiteral("!"), 5);
    const QList<TranscriptChunk> chunks = transcript.chunks();
    QCOMPARE(chunks.size(), 2);
    QCOMPARE(chunks.at(0).data, QByteArrayLiteral("hello\r\n"));
    QCOMPARE(chunks.at(1).data, QByteArrayLiteral("Hi\n!"));
    QCOMPARE(chunks.at(1).sequence, quint64(2));
}

void TestTranscript::mergedChunkLargerThanCapacityKeepsItsTail()
{
    Transcript transcript(8);
    transcript.append(Direction::Received, QByteArrayLiteral("abcdef"), 1);
    transcript.append(Direction::Received, QByteArrayLiteral("ghijkl"), 1);
    QCOMPARE(transcript.chunks().size(), 1);
    QCOMPARE(transcript.chunks().constFirst().data, QByteArrayLiteral("efghijkl"));
    QCOMPARE(transcript.droppedBytes(), quint64(4));
    QCOMPARE(transcript.lastSequence(), quint64(1));
}

void TestTranscript::maxChunksBound()
{
    Transcript transcript(1024 * 1024);
    constexpr qsizetype Extra = 10;
    for (qsizetype i = 0; i < Transcript::MaxChunks + Extra; ++i)
        transcript.append(i % 2 ? Direction::Sent : Direction::Received, QByteArray(1, char('a' + i % 26)), 1000 + i);
    const QList<TranscriptChunk> chunks = transcript.chunks();
    QCOMPARE(chunks.size(), Transcript::MaxChunks);
    QCOMPARE(transcript.sizeBytes(), Transcript::MaxChunks);
    QCOMPARE(transcript.droppedBytes(), quint64(Extra));
    QCOMPARE(chunks.constFirst().sequence, quint64(Extra + 1));
    QCOMPARE(chunks.constFirst().timestampMs, qint64(1000 + Extra));
    QCOMPARE(chunks.constLast().sequence, quint64(Transcript::MaxChunks + Extra));
    QCOMPARE(transcript.lastSequence(), quint64(Transcript::MaxChunks + Extra));

    // Same-millisecond same-direction bytes merge, so they never add chunks.
    for (int i = 0; i < 100; ++i)
        transcript.append(Direction::Received, QByteArrayLiteral("m"), 99999);
    QCOMPARE(transcript.chunks().size(), Transcript::MaxChunks);
    QCOMPARE(transcript.chunks().constLast().data, QByteArray(100, 'm'));
}

void TestTranscript::chunksSinceReturnsWhatIsNew()
{
    Transcript transcript;
    transcript.append(Direction::Received, QByteArrayLiteral("one"), 1);
    transcript.append(Direction::Sent, QByteArrayLiteral("two"), 2);
    transcript.append(Direction::Received, QByteArrayLiteral("three"), 3);
    QCOMPARE(transcript.totalBytes(), quint64(11));

    QCOMPARE(transcript.chunksSince(0).size(), 3);
    QCOMPARE(transcript.chunksSince(0).constFirst().data, QByteArrayLiteral("one"));
    QVERIFY(transcript.chunksSince(11).isEmpty());
    const QList<TranscriptChunk> afterTwo = transcript.chunksSince(6);
    QCOMPARE(afterTwo.size(), 1);
    QCOMPARE(afterTwo.constFirst().sequence, quint64(3));
    QCOMPARE(afterTwo.constFirst().data, QByteArrayLiteral("three"));
    const QList<TranscriptChunk> afterOne = transcript.chunksSince(3);
    QCOMPARE(afterOne.size(), 2);
    QCOMPARE(afterOne.at(0).sequence, quint64(2));
    QCOMPARE(afterOne.at(1).sequence, quint64(3));
    // A position inside a chunk: that chunk whole, then the rest.
    const QList<TranscriptChunk> inside = transcript.chunksSince(4);
    QCOMPARE(inside.size(), 2);
    QCOMPARE(inside.at(0).data, QByteArrayLiteral("two"));
}

void TestTranscript::chunksSinceResendsAGrownLastChunk()
{
    Transcript transcript;
    transcript.append(Direction::Received, QByteArrayLiteral("one"), 1);
    transcript.append(Direction::Received, QByteArrayLiteral("tw"), 2);
    QVERIFY(transcript.chunksSince(5).isEmpty());
    transcript.append(Direction::Received, QByteArrayLiteral("o!"), 2); // grows chunk 2
    const QList<TranscriptChunk> since = transcript.chunksSince(5);
    QCOMPARE(since.size(), 1);
    QCOMPARE(since.constFirst().sequence, quint64(2));
    QCOMPARE(since.constFirst().data, QByteArrayLiteral("two!"));
    // The grown chunk comes first, then the newer ones.
    transcript.append(Direction::Sent, QByteArrayLiteral("ok"), 3);
    const QList<TranscriptChunk> later = transcript.chunksSince(5);
    QCOMPARE(later.size(), 2);
    QCOMPARE(later.at(0).data, QByteArrayLiteral("two!"));
    QCOMPARE(later.at(1).data, QByteArrayLiteral("ok"));
    QCOMPARE(transcript.chunksSince(7).size(), 1); // up to date on 2: only 3
}

void TestTranscript::chunksSinceResendsATrimmedFrontChunk()
{
    Transcript transcript(10);
    transcript.append(Direction::Received, QByteArrayLiteral("abcdef"), 1);
    // Someone has the stream up to 6. Four more bytes arrive, then two more push the oldest
    // two out of chunk 1; what is new comes after 6 all the same.
    transcript.append(Direction::Sent, QByteArrayLiteral("ghij"), 2);
    QCOMPARE(transcript.chunksSince(6).size(), 1);
    transcript.append(Direction::Received, QByteArrayLiteral("kl"), 3);
    QCOMPARE(transcript.chunkSize(1), qsizetype(4));
    const QList<TranscriptChunk> since = transcript.chunksSince(6);
    QCOMPARE(since.size(), 2);
    QCOMPARE(since.at(0).data, QByteArrayLiteral("ghij"));
    QCOMPARE(since.at(1).data, QByteArrayLiteral("kl"));
    QCOMPARE(transcript.droppedBytes(), quint64(2));
    QCOMPARE(transcript.totalBytes(), quint64(12));
    // From the start: what is kept, the trimmed chunk first.
    const QList<TranscriptChunk> all = transcript.chunksSince(0);
    QCOMPARE(all.size(), 3);
    QCOMPARE(all.at(0).sequence, quint64(1));
    QCOMPARE(all.at(0).data, QByteArrayLiteral("cdef"));
}

void TestTranscript::chunksSinceAfterTheKnownChunkWasDropped()
{
    Transcript transcript(6);
    transcript.append(Direction::Received, QByteArrayLiteral("abc"), 1);
    transcript.append(Direction::Sent, QByteArrayLiteral("def"), 2);
    transcript.append(Direction::Received, QByteArrayLiteral("ghi"), 3); // chunk 1 goes
    QCOMPARE(transcript.chunkSize(1), qsizetype(-1));
    const QList<TranscriptChunk> since = transcript.chunksSince(3);
    QCOMPARE(since.size(), 2);
    QCOMPARE(since.at(0).sequence, quint64(2));
    QCOMPARE(since.at(1).sequence, quint64(3));
}

void TestTranscript::chunksSinceSeesAChunkThatGrewAndWasTrimmedToTheSameSize()
{
    // The one chunk fills the capacity; more bytes in the same millisecond grow it and the
    // trim cuts it back to the same size, so its size no longer tells that it changed.
    Transcript transcript(4);
    transcript.append(Direction::Received, QByteArrayLiteral("abcd"), 1);
    QCOMPARE(transcript.chunksSince(0).constFirst().data, QByteArrayLiteral("abcd"));
    QVERIFY(transcript.chunksSince(4).isEmpty());
    transcript.append(Direction::Received, QByteArrayLiteral("ef"), 1);
    QCOMPARE(transcript.chunks().constFirst().data, QByteArrayLiteral("cdef"));
    QCOMPARE(transcript.chunks().constFirst().sequence, quint64(1));
    QCOMPARE(transcript.droppedBytes(), quint64(2));

    const QList<TranscriptChunk> since = transcript.chunksSince(4);
    QCOMPARE(since.size(), 1);
    QCOMPARE(since.constFirst().data, QByteArrayLiteral("cdef"));
    QVERIFY(transcript.chunksSince(6).isEmpty());
}

void TestTranscript::chunkSize()
{
    Transcript transcript(10);
    QCOMPARE(transcript.chunkSize(1), qsizetype(-1));
    transcript.append(Direction::Received, QByteArrayLiteral("abc"), 1);
    transcript.append(Direction::Sent, QByteArrayLiteral("de"), 2);
    QCOMPARE(transcript.chunkSize(1), qsizetype(3));
    QCOMPARE(transcript.chunkSize(2), qsizetype(2));
    QCOMPARE(transcript.chunkSize(3), qsizetype(-1));
    QCOMPARE(transcript.chunkSize(0), qsizetype(-1));
    transcript.append(Direction::Sent, QByteArrayLiteral("fg"), 2);
    QCOMPARE(transcript.chunkSize(2), qsizetype(4));
    transcript.append(Direction::Received, QByteArrayLiteral("hijkl"), 3); // 12 bytes: 2 of chunk 1 go
    QCOMPARE(transcript.chunkSize(1), qsizetype(1));
    transcript.append(Direction::Sent, QByteArrayLiteral("m"), 4); // chunk 1 goes
    QCOMPARE(transcript.chunkSize(1), qsizetype(-1));
    QCOMPARE(transcript.chunkSize(4), qsizetype(1));
}

void TestTranscript::setCapacityShrinksAndGrows()
{
    Transcript transcript(100);
    qsizetype total = 0;
    for (int i = 0; i < 5; ++i) {
        transcript.append(Direction::Received, pattern(total, 10), i);
        total += 10;
    }
    QCOMPARE(transcript.sizeBytes(), qsizetype(50));
    transcript.setCapacity(25);
    QCOMPARE(transcript.capacity(), qsizetype(25));
    QCOMPARE(transcript.sizeBytes(), qsizetype(25));
    QCOMPARE(transcript.droppedBytes(), quint64(25));
    QCOMPARE(allBytes(transcript), pattern(25, 25));
    QCOMPARE(transcript.chunks().size(), 3);
    QCOMPARE(transcript.chunks().constFirst().sequence, quint64(3));
    QCOMPARE(transcript.chunks().constFirst().data.size(), qsizetype(5));

    // Growing keeps what is there and lets more in.
    transcript.setCapacity(40);
    QCOMPARE(transcript.sizeBytes(), qsizetype(25));
    transcript.append(Direction::Sent, pattern(50, 10), 10);
    QCOMPARE(transcript.sizeBytes(), qsizetype(35));
    QCOMPARE(transcript.droppedBytes(), quint64(25));

    transcript.setCapacity(-1);
    QCOMPARE(transcript.capacity(), qsizetype(0));
    QVERIFY(transcript.isEmpty());
    QCOMPARE(transcript.sizeBytes(), qsizetype(0));
    QCOMPARE(transcript.droppedBytes(), quint64(60));
    transcript.append(Direction::Received, QByteArrayLiteral("x"), 20);
    QVERIFY(transcript.isEmpty());
    QCOMPARE(transcript.droppedBytes(), quint64(61));
}

void TestTranscript::clearKeepsCountingAndSequences()
{
    Transcript transcript;
    transcript.append(Direction::Received, QByteArrayLiteral("abc"), 1);
    transcript.append(Direction::Sent, QByteArrayLiteral("de"), 2);
    transcript.clear();
    QVERIFY(transcript.isEmpty());
    QVERIFY(transcript.chunks().isEmpty());
    QCOMPARE(transcript.sizeBytes(), qsizetype(0));
    QCOMPARE(transcript.droppedBytes(), quint64(5));
    QCOMPARE(transcript.lastSequence(), quint64(2));
    QCOMPARE(transcript.chunkSize(2), qsizetype(-1));

    // A chunk after the clear never reuses a sequence number, nor merges into a cleared one.
    transcript.append(Direction::Sent, QByteArrayLiteral("f"), 2);
    QCOMPARE(transcript.chunks().size(), 1);
    QCOMPARE(transcript.chunks().constFirst().sequence, quint64(3));
    QCOMPARE(transcript.chunks().constFirst().data, QByteArrayLiteral("f"));
    QCOMPARE(transcript.totalBytes(), quint64(6));
    const QList<TranscriptChunk> since = transcript.chunksSince(5);
    QCOMPARE(since.size(), 1);
    QCOMPARE(since.constFirst().sequence, quint64(3));
}

void TestTranscript::archiveInsertAndFind()
{
    TranscriptArchive archive(1000);
    QCOMPARE(archive.find(1), nullptr);
    Transcript transcript;
    transcript.append(Direction::Received, QByteArrayLiteral("abc"), 1);
    transcript.append(Direction::Sent, QByteArrayLiteral("de"), 2);
    archive.insert(7, transcript);
    QCOMPARE(archive.count(), 1);
    QCOMPARE(archive.sizeBytes(), qsizetype(5));
    const Transcript *found = archive.find(7);
    QVERIFY(found);
    QCOMPARE(found->chunks().size(), 2);
    QCOMPARE(found->chunks().at(0).data, QByteArrayLiteral("abc"));
    QCOMPARE(found->chunks().at(1).data, QByteArrayLiteral("de"));
    QCOMPARE(found->lastSequence(), quint64(2));
    QCOMPARE(archive.find(8), nullptr);

    // An empty transcript is kept too: the connection said nothing.
    archive.insert(8, Transcript());
    QVERIFY(archive.find(8));
    QVERIFY(archive.find(8)->isEmpty());
    QCOMPARE(archive.count(), 2);
}

void TestTranscript::archiveKeepsACopy()
{
    TranscriptArchive archive(1000);
    Transcript transcript;
    transcript.append(Direction::Received, QByteArrayLiteral("abc"), 1);
    archive.insert(1, transcript);
    transcript.append(Direction::Received, QByteArrayLiteral("def"), 1);
    transcript.append(Direction::Sent, QByteArrayLiteral("g"), 2);
    QCOMPARE(archive.find(1)->chunks().size(), 1);
    QCOMPARE(archive.find(1)->chunks().constFirst().data, QByteArrayLiteral("abc"));
    QCOMPARE(archive.sizeBytes(), qsizetype(3));
}

void TestTranscript::archiveEvictsOldestFirstWithinBudget()
{
    TranscriptArchive archive(100);
    archive.insert(1, withBytes(40));
    archive.insert(2, withBytes(40));
    QCOMPARE(archive.sizeBytes(), qsizetype(80));
    archive.insert(3, withBytes(40)); // 120 > 100: 1 goes
    QCOMPARE(archive.find(1), nullptr);
    QVERIFY(archive.find(2));
    QVERIFY(archive.find(3));
    QCOMPARE(archive.count(), 2);
    QCOMPARE(archive.sizeBytes(), qsizetype(80));
    archive.insert(4, withBytes(20)); // exactly 100: nothing goes
    QCOMPARE(archive.count(), 3);
    QCOMPARE(archive.sizeBytes(), qsizetype(100));
    archive.insert(5, withBytes(90)); // 190: 2, 3 and 4 go, oldest first
    QCOMPARE(archive.find(2), nullptr);
    QCOMPARE(archive.find(3), nullptr);
    QCOMPARE(archive.find(4), nullptr);
    QVERIFY(archive.find(5));
    QCOMPARE(archive.count(), 1);
    QCOMPARE(archive.sizeBytes(), qsizetype(90));
}

void TestTranscript::archiveRefusesATranscriptOverTheBudget()
{
    TranscriptArchive archive(100);
    archive.insert(1, withBytes(30));
    archive.insert(2, withBytes(101));
    QCOMPARE(archive.find(2), nullptr);
    // Refusing it evicts nothing.
    QVERIFY(archive.find(1));
    QCOMPARE(archive.count(), 1);
    QCOMPARE(archive.sizeBytes(), qsizetype(30));
}

void TestTranscript::archiveIgnoresADuplicateId()
{
    TranscriptArchive archive(100);
    archive.insert(1, withBytes(30));
    archive.insert(1, withBytes(50));
    QCOMPARE(archive.count(), 1);
    QCOMPARE(archive.sizeBytes(), qsizetype(30));
    QCOMPARE(archive.find(1)->sizeBytes(), qsizetype(30));
}

void TestTranscript::archiveMaxCount()
{
    TranscriptArchive archive(TranscriptArchive::DefaultBudget);
    const Transcript small = withBytes(1);
    for (quint64 id = 1; id <= quint64(TranscriptArchive::MaxCount); ++id)
        archive.insert(id, small);
    QCOMPARE(archive.count(), int(TranscriptArchive::MaxCount));
    QVERIFY(archive.find(1));
    archive.insert(quint64(TranscriptArchive::MaxCount) + 1, small);
    archive.insert(quint64(TranscriptArchive::MaxCount) + 2, small);
    QCOMPARE(archive.count(), int(TranscriptArchive::MaxCount));
    QCOMPARE(archive.find(1), nullptr);
    QCOMPARE(archive.find(2), nullptr);
    QVERIFY(archive.find(3));
    QVERIFY(archive.find(quint64(TranscriptArchive::MaxCount) + 2));
    QCOMPARE(archive.sizeBytes(), TranscriptArchive::MaxCount);
}

void TestTranscript::archiveClear()
{
    TranscriptArchive archive(100);
    archive.insert(1, withBytes(30));
    archive.insert(2, withBytes(30));
    archive.clear();
    QCOMPARE(archive.count(), 0);
    QCOMPARE(archive.sizeBytes(), qsizetype(0));
    QCOMPARE(archive.find(1), nullptr);
    // Usable again, with the whole budget.
    archive.insert(3, withBytes(100));
    QVERIFY(archive.find(3));
    QCOMPARE(archive.sizeBytes(), qsizetype(100));
}

QTEST_APPLESS_MAIN(TestTranscript)
#include "tst_transcript.moc"
