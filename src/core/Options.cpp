//===- Options.cpp - Reading and storing the shared options ---------------===//
#include "unawaited/Options.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/Twine.h"

namespace unawaited {

std::vector<std::string> parseList(llvm::StringRef Value) {
  std::vector<std::string> Out;
  while (!Value.empty()) {
    size_t End = Value.find(';');
    llvm::StringRef P = Value.substr(0, End).trim();
    if (!P.empty())
      Out.push_back(P.str());
    Value = End == llvm::StringRef::npos ? "" : Value.substr(End + 1);
  }
  return Out;
}

std::string joinList(const std::vector<std::string> &Items) {
  return llvm::join(Items, ";");
}

static std::optional<bool> parseBool(llvm::StringRef V) {
  V = V.trim();
  if (V.equals_insensitive("true") || V == "1")
    return true;
  if (V.equals_insensitive("false") || V == "0")
    return false;
  return std::nullopt;
}

Options Options::read(Getter Get) {
  Options O;
  if (auto V = Get(optkey::TaskTypes))
    O.TaskTypes = parseList(*V);
  if (auto V = Get(optkey::FireAndForgetTypes))
    O.FireAndForgetTypes = parseList(*V);
  if (auto V = Get(optkey::IgnoredFunctions))
    O.IgnoredFunctions = parseList(*V);
  if (auto V = Get(optkey::ConsumingMethods))
    O.ConsumingMethods = parseList(*V);
  if (auto V = Get(optkey::SyncWaitFunction))
    O.SyncWaitFunction = llvm::StringRef(*V).trim().str();
  if (auto V = Get(optkey::AllowCastToVoid))
    if (auto B = parseBool(*V))
      O.AllowCastToVoid = *B;
  if (auto V = Get(optkey::Profiles))
    O.Profiles = parseList(*V);
  if (auto V = Get(optkey::IncludeGeneratedCode))
    if (auto B = parseBool(*V))
      O.IncludeGeneratedCode = *B;
  return O;
}

std::vector<std::string> Options::problems(Getter Get) {
  std::vector<std::string> Out;
  const Options Defaults;
  for (auto [Key, Default] :
       {std::pair<llvm::StringRef, bool>{optkey::AllowCastToVoid,
                                         Defaults.AllowCastToVoid},
        {optkey::IncludeGeneratedCode, Defaults.IncludeGeneratedCode}}) {
    std::optional<std::string> V = Get(Key);
    if (!V || parseBool(*V))
      continue;
    Out.push_back((llvm::Twine("invalid value '") + *V + "' for option '" +
                   Key + "' (expected true or false); using " +
                   (Default ? "true" : "false"))
                      .str());
  }
  if (auto V = Get(optkey::Profiles)) {
    Options Named;
    Named.Profiles = parseList(*V);
    for (const std::string &P : unknownProfiles(Named)) {
      Out.push_back(
          "unknown profile '" + P +
          "' in option 'Profiles'; known profiles: " + knownProfiles());
    }
  }
  return Out;
}

void Options::store(Setter Put) const {
  Put(optkey::TaskTypes, joinList(TaskTypes));
  Put(optkey::FireAndForgetTypes, joinList(FireAndForgetTypes));
  Put(optkey::IgnoredFunctions, joinList(IgnoredFunctions));
  Put(optkey::ConsumingMethods, joinList(ConsumingMethods));
  Put(optkey::SyncWaitFunction, SyncWaitFunction);
  Put(optkey::AllowCastToVoid, AllowCastToVoid ? "true" : "false");
  Put(optkey::Profiles, joinList(Profiles));
  Put(optkey::IncludeGeneratedCode, IncludeGeneratedCode ? "true" : "false");
}

} // namespace unawaited
