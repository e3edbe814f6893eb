//===- MemberFact.h - What one unit knows of a task member -------*- C++
//-*-===//
//
// Plain data, with no clang types: the core makes it, the CLI's worker
// sends it to the parent, which merges it over the whole database
// (src/cli/WholeProgram.h).
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_MEMBERFACT_H
#define UNAWAITED_MEMBERFACT_H

#include <string>
#include <vector>

namespace unawaited {

/// What one translation unit knows of a task member whose consumers may
/// lie in other units.
struct MemberFact {
  /// The member, the same in every unit: "ns::Service::_bg@service.h".
  std::string Key;
  /// Some function this unit defines consumes it.
  bool Consumed = false;
  /// The class's functions that need a body (nested classes' too), and
  /// those of them this unit defines; keyed by qualified name and type.
  std::vector<std::string> Functions;
  std::vector<std::string> Defined;
};

} // namespace unawaited

#endif
