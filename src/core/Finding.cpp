//===- Finding.cpp --------------------------------------------------------===//
#include "unawaited/Analysis.h"
#include "unawaited/Finding.h"

namespace unawaited {

FindingSink::~FindingSink() = default;

llvm::StringRef checkName(CheckId Id) {
  switch (Id) {
  case CheckId::DiscardedTask:
    return "coro-discarded-task";
  case CheckId::DiscardedEagerTask:
    return "coro-discarded-eager-task";
  case CheckId::UnawaitedVariable:
    return "coro-unawaited-variable";
  case CheckId::UnawaitedMember:
    return "coro-unawaited-member";
  }
  return "coro-unknown";
}

bool EnabledChecks::isEnabled(CheckId Id) const {
  switch (Id) {
  case CheckId::DiscardedTask:
    return DiscardedTask;
  case CheckId::DiscardedEagerTask:
    return DiscardedEagerTask;
  case CheckId::UnawaitedVariable:
    return UnawaitedVariable;
  case CheckId::UnawaitedMember:
    return UnawaitedMember;
  }
  return false;
}

void EnabledChecks::set(CheckId Id, bool On) {
  switch (Id) {
  case CheckId::DiscardedTask:
    DiscardedTask = On;
    break;
  case CheckId::DiscardedEagerTask:
    DiscardedEagerTask = On;
    break;
  case CheckId::UnawaitedVariable:
    UnawaitedVariable = On;
    break;
  case CheckId::UnawaitedMember:
    UnawaitedMember = On;
    break;
  }
}

} // namespace unawaited
