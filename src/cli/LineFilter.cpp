//===- LineFilter.cpp -----------------------------------------------------===//
#include "LineFilter.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

namespace unawaited::cli {

llvm::Expected<LineFilter> LineFilter::parse(llvm::StringRef Json) {
  LineFilter F;
  if (Json.trim().empty())
    return F;
  auto Bad = [](const llvm::Twine &Why) {
    return llvm::createStringError("invalid --line-filter: " + Why +
                                   " (expected [{\"name\":\"file.cpp\","
                                   "\"lines\":[[1,3],[5,7]]}, ...])");
  };
  llvm::Expected<llvm::json::Value> V = llvm::json::parse(Json);
  if (!V)
    return Bad(llvm::toString(V.takeError()));
  const llvm::json::Array *A = V->getAsArray();
  if (!A)
    return Bad("not a JSON array");
  for (size_t I = 0; I < A->size(); ++I) {
    const llvm::json::Object *O = (*A)[I].getAsObject();
    std::optional<llvm::StringRef> Name = O ? O->getString("name") : std::nullopt;
    if (!Name)
      return Bad(llvm::formatv("entry {0} has no \"name\" string", I + 1));
    Entry E{Name->str(), {}};
    if (const llvm::json::Value *Lines = O->get("lines")) {
      const llvm::json::Array *LA = Lines->getAsArray();
      if (!LA)
        return Bad(llvm::formatv("\"lines\" of '{0}' is not an array", *Name));
      for (const llvm::json::Value &R : *LA) {
        const llvm::json::Array *Pair = R.getAsArray();
        std::optional<int64_t> First, Last;
        if (Pair && Pair->size() == 2) {
          First = (*Pair)[0].getAsInteger();
          Last = (*Pair)[1].getAsInteger();
        }
        if (!First || !Last || *First < 0 || *Last < 0 ||
            *First > UINT32_MAX || *Last > UINT32_MAX)
          return Bad(llvm::formatv("a range of '{0}' is not [first, last]",
                                   *Name));
        E.Lines.emplace_back(static_cast<unsigned>(*First),
                             static_cast<unsigned>(*Last));
      }
    }
    F.Entries.push_back(std::move(E));
  }
  return F;
}

bool LineFilter::passes(llvm::StringRef File, unsigned Line) const {
  if (Entries.empty())
    return true;
  for (const Entry &E : Entries) {
    if (!File.ends_with(E.Name))
      continue;
    if (E.Lines.empty())
      return true;
    for (const auto &[First, Last] : E.Lines)
      if (First <= Line && Line <= Last)
        return true;
    return false;
  }
  return false;
}

} // namespace unawaited::cli
