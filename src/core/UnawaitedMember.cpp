//===- UnawaitedMember.cpp - coro-unawaited-member ------------------------===//
//
// Collects, over one walk of the translation unit, the task members that
// functions name and the places that store tasks in them. At the end each
// member's functions are summarised with the variable check's consumption
// rules (MemberUses.h); a member no function consumes is reported at every
// store, when every function that could consume it is in view.
//
//===----------------------------------------------------------------------===//
#include "UnawaitedMember.h"
#include "AstUtils.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace unawaited {

UnawaitedMemberChecker::Member *
UnawaitedMemberChecker::entry(const FieldDecl *F) {
  const FieldDecl *Key = patternField(F);
  auto [It, New] = Members.try_emplace(Key);
  if (New && !AC.isLibraryLocation(Key->getLocation()))
    It->second.Type = typeOf(Key);
  return It->second.Type ? &It->second : nullptr;
}

std::optional<TrackedType>
UnawaitedMemberChecker::typeOf(const FieldDecl *Key) {
  if (!Key->getType()->isDependentType())
    return memberTrackedType(AC, Key->getType());
  // `Task<T> _bg;` in a class template: what its instantiations hold.
  const auto *RD = dyn_cast<CXXRecordDecl>(Key->getParent());
  const ClassTemplateDecl *CTD = RD ? RD->getDescribedClassTemplate() : nullptr;
  if (!CTD)
    return std::nullopt;
  for (const ClassTemplateSpecializationDecl *Spec : CTD->specializations()) {
    for (const FieldDecl *F : Spec->fields()) {
      if (F->getDeclName() != Key->getDeclName())
        continue;
      if (std::optional<TrackedType> T = memberTrackedType(AC, F->getType()))
        return T;
    }
  }
  return std::nullopt;
}

void UnawaitedMemberChecker::use(const MemberExpr *ME, const FunctionDecl *Fn) {
  const auto *F = dyn_cast<FieldDecl>(ME->getMemberDecl());
  if (!F || !Fn)
    return;
  if (Member *M = entry(F))
    M->Functions.insert(Fn);
}

void UnawaitedMemberChecker::constructorInit(const CXXCtorInitializer *Init,
                                             const FunctionDecl *Ctor) {
  // A template's pattern stores through its instantiations (the same
  // location); an uninstantiated constructor builds nothing.
  if (!Init->isMemberInitializer() || !Init->isWritten() || !Ctor ||
      Ctor->isDependentContext())
    return;
  Member *M = entry(Init->getMember());
  if (M && M->Type && storesWork(AC, Init->getInit(), *M->Type))
    M->InitStores.push_back(
        {Init->getMemberLocation(), Init->getSourceRange(), Ctor});
}

void UnawaitedMemberChecker::field(const FieldDecl *F) {
  // For the whole-program merge every member that may get a fact is
  // looked at, used here or not: the unit may define the functions that
  // the other units' candidates need to see defined.
  if (AC.wantsWholeProgramFacts() && mayHaveFact(patternField(F)))
    (void)entry(F);
  const Expr *Init = F->getInClassInitializer();
  if (!Init || F->getParent()->isDependentContext())
    return;
  Member *M = entry(F);
  if (M && M->Type && storesWork(AC, Init, *M->Type))
    M->InitStores.push_back({Init->getBeginLoc(), Init->getSourceRange()});
}

/// The functions of \p RD that are declared with a body to come (not
/// deleted, defaulted or pure), and those of its nested classes, which
/// share its access.
template <typename Fn>
static void forEachFunction(const CXXRecordDecl *RD, Fn &&Visit) {
  for (const Decl *D : RD->decls()) {
    const FunctionDecl *FD = nullptr;
    if (const auto *FTD = dyn_cast<FunctionTemplateDecl>(D))
      FD = FTD->getTemplatedDecl();
    else
      FD = dyn_cast<FunctionDecl>(D);
    if (FD) {
      if (!FD->isImplicit() && !FD->isDeleted() && !FD->isDefaulted() &&
          !FD->isPureVirtual())
        Visit(FD);
      continue;
    }
    if (const auto *Nested = dyn_cast<CXXRecordDecl>(D);
        Nested && !Nested->isInjectedClassName() &&
        Nested->isThisDeclarationADefinition())
      forEachFunction(Nested, Visit);
  }
}

static bool allFunctionsDefined(const CXXRecordDecl *RD) {
  bool All = true;
  forEachFunction(RD, [&](const FunctionDecl *FD) { All &= FD->isDefined(); });
  return All;
}

/// Only the class's own functions reach the member: it is private (or
/// protected in a class nothing can derive from) and the class has no
/// friends.
static bool onlyOwnFunctionsReach(const FieldDecl *Key,
                                  const CXXRecordDecl *RD) {
  bool Private = Key->getAccess() == AS_private ||
                 (Key->getAccess() == AS_protected && RD->hasAttr<FinalAttr>());
  return Private && !RD->hasFriends();
}

/// No other translation unit can name a class local to this one.
bool UnawaitedMemberChecker::localToUnit(const CXXRecordDecl *RD) const {
  return RD->isLocalClass() || RD->isInAnonymousNamespace() ||
         AC.SM.isInMainFile(AC.SM.getExpansionLoc(RD->getLocation()));
}

bool UnawaitedMemberChecker::everyUseVisible(const FieldDecl *Key) const {
  const auto *RD = dyn_cast<CXXRecordDecl>(Key->getParent());
  if (!RD)
    return false;
  if (localToUnit(RD))
    return true;
  // A header's class: only its own functions (and friends) reach a private
  // member; all of them must be defined here.
  return onlyOwnFunctionsReach(Key, RD) && allFunctionsDefined(RD);
}

/// Only a header class's own functions reach \p Key, and they may be
/// defined in several units.
bool UnawaitedMemberChecker::mayHaveFact(const FieldDecl *Key) const {
  const auto *RD = dyn_cast<CXXRecordDecl>(Key->getParent());
  return RD && !localToUnit(RD) && onlyOwnFunctionsReach(Key, RD);
}

/// A header class's member whose functions may be defined in several
/// units: what this unit knows of it, for the CLI to merge. None when
/// code other than the class's own functions can reach the member.
std::optional<MemberFact>
UnawaitedMemberChecker::wholeProgramFact(const FieldDecl *Key) const {
  if (!mayHaveFact(Key))
    return std::nullopt;
  const auto *RD = cast<CXXRecordDecl>(Key->getParent());
  MemberFact F;
  // Qualified names are the same in every unit; the header's name keeps
  // apart two programs' classes of the same name in one database.
  SourceLocation Where = AC.SM.getExpansionLoc(Key->getLocation());
  F.Key = Key->getQualifiedNameAsString() + "@" +
          llvm::sys::path::filename(AC.SM.getFilename(Where)).str();
  forEachFunction(RD, [&](const FunctionDecl *FD) {
    std::string Name = FD->getQualifiedNameAsString() + " " +
                       FD->getType().getCanonicalType().getAsString();
    if (FD->isDefined())
      F.Defined.push_back(Name);
    F.Functions.push_back(std::move(Name));
  });
  return F;
}

/// Where a store is reported: the `=` of an assignment, the name of the
/// adding member (`push_back`), else the start of the statement.
static SourceLocation storeLoc(const Stmt *S) {
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S))
    return Op->getOperatorLoc();
  if (const auto *BO = dyn_cast<BinaryOperator>(S))
    return BO->getOperatorLoc();
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S))
    if (const auto *ME = dyn_cast<MemberExpr>(MC->getCallee()))
      return ME->getMemberLoc();
  return S->getBeginLoc();
}

void UnawaitedMemberChecker::finish() {
  for (auto &[Key, M] : Members) {
    if (!M.Type)
      continue;
    // Where this unit cannot see every consumer, the CLI may: it merges
    // the facts of every unit and keeps the candidates only if no unit
    // consumes the member.
    std::optional<MemberFact> Fact;
    if (!everyUseVisible(Key)) {
      if (AC.wantsWholeProgramFacts())
        Fact = wholeProgramFact(Key);
      if (!Fact)
        continue;
    }
    std::vector<Store> Stores = M.InitStores;
    bool Consumed = false;
    for (const FunctionDecl *Fn : M.Functions) {
      MemberUseSummary S = memberUses(AC, Fn, Key, *M.Type);
      if (S.Consumed) {
        Consumed = true;
        break;
      }
      for (const Stmt *St : S.Stores)
        Stores.push_back({storeLoc(St), St->getSourceRange(), Fn});
    }
    // A unit that only includes the class (no function of it defined, no
    // use, no store) adds nothing to the merge: it sends no fact.
    if (Fact && (Consumed || !Stores.empty() || !M.Functions.empty() ||
                 !Fact->Defined.empty())) {
      Fact->Consumed = Consumed;
      AC.memberFact(*Fact);
    }
    if (Consumed)
      continue;
    for (const Store &S : Stores)
      report(Key, M, S, Fact ? Fact->Key : std::string());
  }
  Members.clear();
}

void UnawaitedMemberChecker::report(const FieldDecl *Key, const Member &M,
                                    const Store &S,
                                    std::string WholeProgramKey) {
  if (!M.Type)
    return;
  const TrackedType &T = *M.Type;
  bool Eager = T.Info->Kind == TaskKind::EagerTask;
  std::string Noun = Eager ? "eager coroutine task" : "lazy coroutine task";
  std::string Consequence = !Eager ? "its body will never run"
                            : T.Info->CancelsOnDestroy
                                ? "its destructor cancels the work"
                                : "its result and exceptions are lost";
  std::string Name = "'" + Key->getNameAsString() + "'";
  std::string Class =
      "'" + cast<NamedDecl>(Key->getParent())->getNameAsString() + "'";
  std::string Ty = "'" + AC.displayType(T.TaskType) + "'";
  Finding F;
  F.Check = CheckId::UnawaitedMember;
  F.Loc = S.Loc;
  F.Range = S.Range;
  if (T.Container) {
    F.Message = "member " + Name + " of " + Class + " holds " + Noun + "s " +
                Ty + " that are never awaited; " +
                (!Eager ? std::string("their bodies will never run")
                        : "their results and exceptions are lost");
  } else {
    F.Message = "member " + Name + " of " + Class + " holds " +
                (Eager ? "an " : "a ") + Noun + " " + Ty +
                " that is never awaited; " + Consequence;
  }
  F.Notes.push_back({Key->getLocation(),
                     Name + " declared here; no function of " + Class +
                         " awaits it, moves it out or hands it on",
                     {}});
  if (S.In)
    F.Function = enclosingFunctionName(S.In);
  F.WholeProgramKey = std::move(WholeProgramKey);
  AC.report(std::move(F));
}

} // namespace unawaited
