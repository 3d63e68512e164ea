// The text writer (json_writer.h) against nlohmann::json's dump of the same value: for every
// message type, filled with awkward texts and numbers, and for the frames around them, the
// bytes must be the same.

#include "protocol/catalog.h"
#include "protocol/frame.h"
#include "protocol/json_text.h"

#include <QTest>
#include <climits>
#include <string>
#include <vector>

using namespace softphone::protocol;

namespace {

std::string bytes(std::initializer_list<unsigned char> list)
{
    return std::string(list.begin(), list.end());
}

std::string everyControlCharacter()
{
    std::string text;
    for (int c = 0; c < 0x20; ++c)
        text += static_cast<char>(c);
    return text;
}

// Texts the escaping could get wrong: controls (NUL included), quotes, DEL, characters
// outside the BMP, noncharacters, and invalid UTF-8 of every kind, some past the 512 bytes
// nlohmann::json's serializer buffers before it writes.
const std::vector<std::string> &awkwardTexts()
{
    static const std::vector<std::string> texts = {
        "",
        "alice",
        "quote \" backslash \\ slash / tab\t",
        everyControlCharacter(),
        std::string("nul\0inside", 10),
        "\x7f del",
        "Carol 王 Ünïcödé",
        bytes({0xF0, 0x9F, 0x98, 0x80}),                    // U+1F600
        bytes({0xF4, 0x8F, 0xBF, 0xBF}),                    // U+10FFFF, a noncharacter
        bytes({0xEF, 0xBF, 0xBE, 0xEF, 0xBF, 0xBF}),        // U+FFFE U+FFFF
        bytes({0xEF, 0xB7, 0x90, 0xEF, 0xBB, 0xBF}),        // U+FDD0, a byte order mark
        bytes({0xE2, 0x80, 0xA8, 0xE2, 0x80, 0xA9}),        // U+2028 U+2029
        bytes({0x80}),                                      // a lone continuation byte
        bytes({0xC0, 0xAF, 0xC1, 0xBF}),                    // overlong forms
        bytes({0xED, 0xA0, 0x80, 0xED, 0xBF, 0xBF}),        // surrogates
        bytes({0xF4, 0x90, 0x80, 0x80, 0xF5, 0xFF, 0xFE}),  // past U+10FFFF, never valid
        bytes({'a', 'b', 0xE4, 0xB8}),                      // cut off at the end
        bytes({0xE4, 0xB8, 'x', 0xF0, 0x9F, 0x98, '"'}),    // cut off in the middle
        "ok" + bytes({0xC3, 0x28}) + "tail\n",
        std::string(600, 'a') + bytes({0xFF, '\n', 0xE4, 0xB8, 0xAD, 0xC3}),
        std::string(509, 'b') + bytes({0xF0, 0x9F, 0x98, 0x80, 0x80, 0x01}),
        std::string(700, 'c') + "\n\"\x1f" + bytes({0xF0, 0x9F, 0x98, 0x80, 0xEF, 0xBF, 0xBF}),
    };
    return texts;
}

const std::vector<std::int64_t> kIntegers = {
    0, 1, -1, 42, 9007199254740991, -9007199254740991, INT64_MAX, INT64_MIN, INT_MAX, INT_MIN};

// Fills every field of a message from a counter, so that successive seeds give each field
// each awkward value, and each optional field both absent and present.
class Filler
{
public:
    explicit Filler(std::size_t seed)
        : m_counter(seed)
    {}

    template<class T>
    void req(const char *, T &out, Check<T> = nullptr)
    {
        fill(out);
    }

    template<class U>
    void opt(const char *, std::optional<U> &out, Check<U> = nullptr)
    {
        if (next() % 3 == 0) {
            out.reset();
            return;
        }
        U value{};
        fill(value);
        out = std::move(value);
    }

    template<class T>
    void opt(const char *, T &out, Check<T> = nullptr)
    {
        fill(out);
    }

    template<Described T>
    void fill(T &value)
    {
        T::describe(value, *this);
    }

private:
    std::size_t next() { return m_counter++; }

    void fill(std::string &out) { out = awkwardTexts()[next() % awkwardTexts().size()]; }
    void fill(bool &out) { out = next() % 2 == 1; }
    void fill(std::int64_t &out) { out = kIntegers[next() % kIntegers.size()]; }
    void fill(int &out) { out = static_cast<int>(kIntegers[next() % kIntegers.size()]); }

    template<NamedEnum E>
    void fill(E &out)
    {
        out = EnumNames<E>::entries[next() % EnumNames<E>::entries.size()].first;
    }

    template<RangedEnum E>
    void fill(E &out)
    {
        const auto span = static_cast<std::size_t>(EnumRange<E>::max - EnumRange<E>::min + 1);
        out = static_cast<E>(EnumRange<E>::min + static_cast<int>(next() % span));
    }

    template<class T>
    void fill(std::vector<T> &out)
    {
        out.resize(next() % 4);
        for (T &item : out)
            fill(item);
    }

    std::size_t m_counter;
};

constexpr std::size_t kSeeds = 64;

template<class T>
T filled(std::size_t seed)
{
    T value{};
    Filler(seed).fill(value);
    return value;
}

template<class T>
bool writesLikeTheLibrary(const char *type)
{
    for (std::size_t seed = 0; seed < kSeeds; ++seed) {
        const T value = filled<T>(seed);
        const std::string expected = dumpJson(toJson(value));
        const std::string written = toJsonText(value);
        if (written != expected) {
            qWarning("%s, seed %zu:\n  library: %s\n  writer:  %s", type, seed, expected.c_str(),
                     written.c_str());
            return false;
        }
    }
    return true;
}

template<class Req>
void checkRequestFrames()
{
    for (std::size_t seed = 0; seed < kSeeds; ++seed) {
        const Req params = filled<Req>(seed);
        const std::int64_t id = kIntegers[seed % kIntegers.size()];
        QCOMPARE(encodeRequest(id, params),
                 encodeFrame(Request{id, std::string(Req::kMethod), toJson(params)}));
        const auto result = filled<typename Req::Result>(seed);
        QCOMPARE(encodeResult(id, result), encodeFrame(Response{id, toJson(result), {}}));
    }
}

template<class Ev>
void checkEventFrames()
{
    for (std::size_t seed = 0; seed < kSeeds; ++seed) {
        const Ev event = filled<Ev>(seed);
        QCOMPARE(encodeEvent(event), encodeFrame(Event{std::string(Ev::kEvent), toJson(event)}));
    }
}

}  // namespace

class TestJsonWriter : public QObject
{
    Q_OBJECT

private slots:
    void everyMessageTypeWritesWhatTheLibraryDumps();
    void typedFramesAreTheFramesOfTheirJsonValues();
    void framesAroundAwkwardTextsAreWhatTheLibraryDumps();
};

void TestJsonWriter::everyMessageTypeWritesWhatTheLibraryDumps()
{
#define SOFTPHONE_CHECK_WRITER(T) QVERIFY(writesLikeTheLibrary<T>(#T));
    SOFTPHONE_PROTOCOL_MESSAGE_TYPES(SOFTPHONE_CHECK_WRITER)
#undef SOFTPHONE_CHECK_WRITER
    QVERIFY(writesLikeTheLibrary<CallRecord>("CallRecord"));
    QVERIFY(writesLikeTheLibrary<ErrorBody>("ErrorBody"));
}

void TestJsonWriter::typedFramesAreTheFramesOfTheirJsonValues()
{
    forEachType(AllRequests{}, [&]<class Req>() { checkRequestFrames<Req>(); });
    forEachType(AllEvents{}, [&]<class Ev>() { checkEventFrames<Ev>(); });
}

// The envelope's own texts: a method or event name, an error's message, the ids.
void TestJsonWriter::framesAroundAwkwardTextsAreWhatTheLibraryDumps()
{
    const json data = {{"text", awkwardTexts()[3]}};
    for (const std::string &text : awkwardTexts()) {
        QCOMPARE(encodeFrame(Request{7, text, data}),
                 dumpJson({{"id", 7}, {"method", text}, {"params", data}}));
        QCOMPARE(encodeFrame(Event{text, data}), dumpJson({{"event", text}, {"data", data}}));
        QCOMPARE(
            encodeError(INT64_MAX, ErrorCode::BadFrame, text),
            dumpJson(
                {{"id", INT64_MAX},
                 {"error", {{"code", static_cast<int>(ErrorCode::BadFrame)}, {"message", text}}}}));
        QCOMPARE(
            encodeError(std::nullopt, ErrorCode::BadFrame, text),
            dumpJson(
                {{"id", nullptr},
                 {"error", {{"code", static_cast<int>(ErrorCode::BadFrame)}, {"message", text}}}}));
    }
}

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
