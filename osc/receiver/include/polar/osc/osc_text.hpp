// polar/osc/osc_text.hpp — OSC messages as one readable line each.
//
// The format of liblo's `oscdump`, which people already read: the address,
// the type tags, then the arguments — `/polar/rule siii "allow" 3 0 2`.
// Two deliberate differences: floats are printed in the shortest form that
// reads back exactly (`0.09375`, not oscdump's `0.093750`), as in the
// README's table; and strings are escaped (`"a \"b\"\n"`), so a line is
// always one line and always unambiguous. Other types follow oscdump:
// `#T`, `#F`, `Nil`, `Infinitum`, `'c'` for a char, `'sym` for a symbol,
// `MIDI [0x00 0x90 0x3c 0x7f]`, timetags as `00000003.80000000`, plus
// `[4 byte blob]`, `0x11223344` for RGBA and `[`/`]` for arrays.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "polar/osc/osc_message.hpp"

namespace polar::osc {

// "/address tags arg arg ..." — just "/address" without arguments.
std::string formatMessage(const OscMessage& message);
std::string formatArg(const OscArg& arg);
// An OSC string in double quotes with \" \\ \n \r \t and \xHH escapes.
std::string quoteString(std::string_view text);
// NTP seconds and fraction in hex, as oscdump prints them: "00000003.80000000".
std::string formatTimetag(std::uint64_t timetag);

} // namespace polar::osc
