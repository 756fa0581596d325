// SPDX-License-Identifier: MIT
// What every fuzz target shares: a check that stops the run with a message (libFuzzer then saves the
// input), and a reproducible way to cut an input into pieces, as TCP would deliver it.
#pragma once

#include <QByteArrayView>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

// An invariant of the code under test. Failing it is a finding, like a crash: the input is kept.
#define FUZZ_CHECK(condition)                                                                                \
    do {                                                                                                     \
        if (!(condition)) {                                                                                  \
            std::fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #condition);           \
            std::abort();                                                                                    \
        }                                                                                                    \
    } while (false)

// Cuts an input into pieces whose sizes follow from the input itself (its hash seeds a small
// generator): every input is also tried at boundaries of its own, and a finding reproduces from the
// input alone. Sizes mix single units with runs of up to 256, like reads from a socket.
class Pieces
{
public:
    // Cuts `length` units (bytes, or characters of a text made from the input).
    Pieces(QByteArrayView input, qsizetype length)
        : m_length(length)
    {
        m_state = 14695981039346656037ull; // FNV-1a, so that any change to the input moves the cuts
        for (const char c : input)
            m_state = (m_state ^ uint8_t(c)) * 1099511628211ull;
        m_state |= 1;
    }
    explicit Pieces(QByteArrayView input)
        : Pieces(input, input.size())
    { }

    bool atEnd() const { return m_offset >= m_length; }

    // The next piece of `whole`, which has the length given at construction.
    template<typename View>
    View next(View whole)
    {
        const qsizetype most = qsizetype(1) << (random() % 9);
        const qsizetype size = qMin<qsizetype>(1 + qsizetype(random() % uint64_t(most)), m_length - m_offset);
        const View piece = whole.sliced(m_offset, size);
        m_offset += size;
        return piece;
    }

private:
    uint64_t random()
    {
        m_state ^= m_state << 13; // xorshift64
        m_state ^= m_state >> 7;
        m_state ^= m_state << 17;
        return m_state;
    }

    qsizetype m_length;
    qsizetype m_offset = 0;
    uint64_t m_state;
};
