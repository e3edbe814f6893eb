//===- Tracked.h - What the flow analysis tracks ------------------*- C++
//-*-===//
//
// Which values can hold a task that must be awaited, and which variables of
// one function hold one: locals and by-value parameters holding a task
// (lazy, eager or an awaitable), containers and aggregates of tasks, and
// references that own the temporary they are bound to. Everything else the
// flow analysis does is about these variables, by their index.
//
//===----------------------------------------------------------------------===//
#ifndef UNAWAITED_CORE_FLOW_TRACKED_H
#define UNAWAITED_CORE_FLOW_TRACKED_H

#include "../AnalysisContext.h"
#include "../MemberUses.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <utility>
#include <vector>

namespace unawaited::flow {

enum class Role : uint8_t { Task, Container };

/// Src of a step whose new value is a new task (Steps.h).
constexpr unsigned NoSource = ~0u;
/// Src of an overwrite with a value that holds nothing
/// (`f = make_ready_future<>()`).
constexpr unsigned EmptySource = ~1u;

struct Tracked {
  const clang::VarDecl *VD;
  Role R;
  const TypeInfo *Info; ///< of the task (the element type for containers)
  clang::QualType TaskType;
  bool InitiallyLive;
  bool EverConsumed = false;
  /// A use that needs the task type (a member call, a typed parameter, an
  /// assignment): turning the variable into the awaited value would break it.
  bool FixBlocked = false;
  /// Declared inside a catch handler, where co_await is not allowed.
  bool InCatch = false;
  /// Where uses consume it (to tell whether a loop body hands it on).
  llvm::SmallVector<clang::SourceLocation, 2> ConsumedAt = {};
  /// A copyable task (cppcoro's shared_task), or a container of them: a
  /// copy shares the task, so handing out a copy hands it on.
  bool Copyable = false;
  /// Declared with others (`auto a = f(), b = g();`): awaiting one
  /// initialiser would give the declarators different deduced types.
  bool SharesDeclaration = false;
  /// A future with no value type whose state the profile can test: once
  /// known ready and not failed, it holds nothing (FutureState.h).
  bool StateTested = false;
  /// The first read that treats the task as the value it will produce: an
  /// argument to a deduced parameter (a generic logger, a formatter) or the
  /// operand of `<<`. The likely mistake is a missing co_await.
  clang::SourceLocation ReadAsValueAt = {};
  /// A struct holding tasks in its fields: a use of another field is a
  /// read, and assigning a task to a field gives it one.
  bool Aggregate = false;
};

/// The type rules: which types hold tasks, and which initialisers give a
/// variable or member of such a type work to await.
class TaskTypes {
public:
  explicit TaskTypes(AnalysisContext &AC) : AC(AC) {}

  /// A lazy task, lazy awaitable or eager task; null otherwise.
  const TypeInfo *taskInfo(clang::QualType T);
  /// A container's task element type: a template argument that is a task,
  /// or an aggregate holding one (`std::unordered_map<Key, Listener>`); or,
  /// for an aggregate itself, the task its fields hold.
  std::pair<const TypeInfo *, clang::QualType> elementInfo(clang::QualType T,
                                                           unsigned Depth = 0);
  /// Whether a field of type \p T holds tasks.
  bool holdsTaskType(clang::QualType T);
  /// Whether a variable or member initialised (or assigned) with \p Init
  /// holds tasks to await.
  bool holdsTasks(const clang::Expr *Init, Role R);
  /// An awaitable that is not a coroutine type, built by its own
  /// constructor: a long-lived state object (event, lock), not an operation.
  bool isStateObject(const TypeInfo &Info, const clang::Expr *Init);
  /// How a member of type \p T is tracked (MemberUses.h).
  std::optional<TrackedType> memberType(clang::QualType T);
  /// Whether storing \p Value in something tracked as \p T gives it work.
  bool storesWork(const clang::Expr *Value, const TrackedType &T);

  /// Whether \p T is a struct that holds tasks in its fields (an aggregate:
  /// no constructors, no private members).
  static const clang::CXXRecordDecl *aggregateRecord(clang::QualType T);
  /// A class template that owns the tasks it is instantiated with.
  static bool ownsElements(const clang::ClassTemplateSpecializationDecl *Spec);

private:
  std::pair<const TypeInfo *, clang::QualType> aggregateInfo(clang::QualType T,
                                                             unsigned Depth);
  bool initListHoldsTasks(const clang::InitListExpr *IL, unsigned Depth = 0);

  AnalysisContext &AC;
};

/// The tracked variables of one function, and the names for them.
class TrackedVars {
public:
  explicit TrackedVars(AnalysisContext &AC) : AC(AC), Types(AC) {}

  /// Tracks the named parameters and the local variables of \p FD's
  /// \p Body that hold tasks.
  void collect(const clang::FunctionDecl *FD, const clang::Stmt *Body);
  /// Tracks \p VD if it holds a task or tasks.
  void track(const clang::VarDecl *VD);
  /// Tracks \p P for a hand-off summary, whatever its initial state.
  bool trackParameter(const clang::ParmVarDecl *P);
  /// Tracks one stand-in for a member (a member summary).
  void trackMember(const TrackedType &T);

  /// `const auto &r = t;` or a cast of t to a reference of its own (or a
  /// derived or base) class: r is another name for t.
  void recordAlias(const clang::VarDecl *VD);

  /// The tracked variable (of \p V's role) that \p E copies or moves from,
  /// and the reference to it; {null, NoSource} if none.
  std::pair<const clang::DeclRefExpr *, unsigned>
  sourceVar(const clang::Expr *E, unsigned V) const;

  /// Whether overwriting \p V with a copy of \p Src loses nothing.
  bool sharesState(unsigned V, unsigned Src) const;

  /// The tracked variable \p E names (through parentheses and implicit
  /// casts), e.g. `c` in `c.size()`.
  std::optional<unsigned> trackedRef(const clang::Expr *E) const {
    const auto *Ref = llvm::dyn_cast_or_null<clang::DeclRefExpr>(
        E ? E->IgnoreParenImpCasts() : nullptr);
    const auto *VD =
        Ref ? llvm::dyn_cast<clang::VarDecl>(Ref->getDecl()) : nullptr;
    auto It = VD ? Index.find(VD) : Index.end();
    if (It == Index.end())
      return std::nullopt;
    return It->second;
  }

  /// The index of \p VD, directly or through an alias; null if untracked.
  const unsigned *lookup(const clang::VarDecl *VD) const {
    if (auto It = Index.find(VD); It != Index.end())
      return &It->second;
    if (auto It = Aliases.find(VD); It != Aliases.end())
      return &It->second;
    return nullptr;
  }

  bool empty() const { return Vars.empty(); }
  size_t size() const { return Vars.size(); }
  Tracked &operator[](unsigned V) { return Vars[V]; }
  const Tracked &operator[](unsigned V) const { return Vars[V]; }

  AnalysisContext &AC;
  TaskTypes Types;
  std::vector<Tracked> Vars;
  llvm::DenseMap<const clang::VarDecl *, unsigned> Index;
  /// References bound to a tracked variable (`const auto &r = t;`,
  /// `auto &d = static_cast<Derived &>(t)`): their uses are its uses.
  llvm::DenseMap<const clang::VarDecl *, unsigned> Aliases;

private:
  bool initiallyLive(const clang::VarDecl *VD, Role R);
};

} // namespace unawaited::flow

#endif
