//===- TypeClassifier.cpp - Which types must be awaited -------------------===//
//
// Structure first: a promise_type (member or std::coroutine_traits), the
// constant value of initial_suspend()'s await_ready(), the awaitable
// interface. Then options and profiles override the kind by name.
//
//===----------------------------------------------------------------------===//
#include "unawaited/TypeClassifier.h"
#include "AstUtils.h"
#include "FutureState.h"
#include "Profiles.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclFriend.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace unawaited {

llvm::StringRef kindName(TaskKind K) {
  switch (K) {
  case TaskKind::None:
    return "none";
  case TaskKind::LazyTask:
    return "lazy-task";
  case TaskKind::LazyAwaitable:
    return "lazy-awaitable";
  case TaskKind::EagerTask:
    return "eager-task";
  case TaskKind::FireAndForget:
    return "fire-and-forget";
  case TaskKind::Generator:
    return "generator";
  }
  return "none";
}

// Option entries are regular expressions over qualified names; an entry
// without "::" matches the unqualified name too (as clang-tidy's lists do).
static std::vector<llvm::Regex>
compileNames(const std::vector<std::string> &Names) {
  std::vector<llvm::Regex> Out;
  for (const std::string &N : Names) {
    llvm::StringRef S(N);
    S.consume_front("::");
    std::string Pattern = S.contains("::") ? ("^(::)?(" + S + ")$").str()
                                           : ("^(.*::)?(" + S + ")$").str();
    llvm::Regex R(Pattern);
    std::string Err;
    if (!R.isValid(Err))
      R = llvm::Regex("^(.*::)?(" + llvm::Regex::escape(S) + ")$");
    Out.push_back(std::move(R));
  }
  return Out;
}

static bool matchesAny(const std::vector<llvm::Regex> &Res,
                       llvm::StringRef Name) {
  for (const llvm::Regex &R : Res)
    if (R.match(Name))
      return true;
  return false;
}

TypeClassifier::TypeClassifier(const Options &Opts, ASTContext &Ctx)
    : Opts(Opts), Ctx(Ctx), Prof(std::make_unique<Profiles>(Opts.Profiles)),
      TaskTypeRes(compileNames(Opts.TaskTypes)),
      FafTypeRes(compileNames(Opts.FireAndForgetTypes)),
      IgnoredFnRes(compileNames(Opts.IgnoredFunctions)) {}

TypeClassifier::~TypeClassifier() = default;

const TypeInfo &TypeClassifier::classify(QualType T) {
  static const TypeInfo NoneInfo;
  if (T.isNull() || T->isDependentType() || T->isReferenceType())
    return NoneInfo;
  const Type *Key = T.getCanonicalType().getUnqualifiedType().getTypePtr();
  auto It = Cache.find(Key);
  if (It != Cache.end())
    return It->second;
  TypeInfo Info = compute(QualType(Key, 0));
  return Cache.try_emplace(Key, Info).first->second;
}

TypeInfo TypeClassifier::compute(QualType Canonical) {
  const CXXRecordDecl *RD = Canonical->getAsCXXRecordDecl();
  if (!RD)
    return {};
  TypeInfo Info = classifyRecord(RD);
  std::string Name = qualifiedNameNoArgs(RD);
  if (matchesAny(FafTypeRes, Name)) {
    Info.Kind = TaskKind::FireAndForget;
    Info.Source = KindSource::Option;
  } else if (matchesAny(TaskTypeRes, Name)) {
    Info.Kind = TaskKind::LazyTask;
    Info.Source = KindSource::Option;
  } else if (const ProfileType *P = Prof->lookupType(Name)) {
    Info.Kind = P->Kind;
    Info.Source = KindSource::Profile;
    Info.CancelsOnDestroy = P->CancelsOnDestroy;
  }
  return Info;
}

//===-- Structure ---------------------------------------------------------===//

/// The return statement's value when \p FD's body is `{ return E; }`.
static const Expr *singleReturnValue(const FunctionDecl *FD) {
  if (!FD)
    return nullptr;
  const FunctionDecl *WithBody = nullptr;
  if (FD->hasBody(WithBody) && WithBody->getBody()) {
    FD = WithBody;
  } else if (const FunctionDecl *Pattern =
                 FD->getTemplateInstantiationPattern()) {
    if (!Pattern->hasBody(WithBody))
      return nullptr;
    FD = WithBody;
  } else {
    return nullptr;
  }
  const auto *Body = dyn_cast_or_null<CompoundStmt>(FD->getBody());
  if (!Body || Body->size() != 1)
    return nullptr;
  const auto *Ret = dyn_cast<ReturnStmt>(Body->body_front());
  return Ret ? Ret->getRetValue() : nullptr;
}

std::optional<bool> evaluateAwaitReady(QualType Awaiter, ASTContext &Ctx) {
  const CXXRecordDecl *RD = recordOf(Awaiter);
  const FunctionDecl *Ready =
      asFunction(findMember(RD, llvm::StringRef("await_ready")));
  const Expr *Value = singleReturnValue(Ready);
  if (!Value || Value->isValueDependent() || Value->isTypeDependent())
    return std::nullopt;
  bool Result = false;
  if (Value->EvaluateAsBooleanCondition(Result, Ctx))
    return Result;
  return std::nullopt;
}

/// The promise type of coroutines returning \p RD: the member promise_type,
/// or the one of a std::coroutine_traits specialisation for it.
static QualType findPromiseType(const CXXRecordDecl *RD, ASTContext &Ctx) {
  if (const auto *TD = dyn_cast_or_null<TypeDecl>(
          findMember(RD, llvm::StringRef("promise_type")))) {
    QualType P = isa<TypedefNameDecl>(TD)
                     ? cast<TypedefNameDecl>(TD)->getUnderlyingType()
                     : Ctx.getTypeDeclType(TD);
    // A future's `promise_type` may name the promise that fulfils it
    // (seastar::shared_future's is seastar::promise<T>), not a coroutine
    // promise: a complete class without get_return_object, initial_suspend
    // or final_suspend is not one. Unknown ones are taken to be.
    const CXXRecordDecl *PRD = P.isNull() ? nullptr : recordOf(P);
    if (const CXXRecordDecl *Def = PRD ? inspectable(PRD) : nullptr;
        Def && !P->isDependentType() &&
        !findMember(Def, llvm::StringRef("get_return_object")) &&
        !findMember(Def, llvm::StringRef("initial_suspend")) &&
        !findMember(Def, llvm::StringRef("final_suspend")))
      return {};
    return P;
  }
  // std::coroutine_traits<R, Args...> specialisations keyed on R.
  const NamespaceDecl *Std = nullptr;
  for (const Decl *D : Ctx.getTranslationUnitDecl()->lookup(
           DeclarationName(&Ctx.Idents.get("std")))) {
    Std = dyn_cast<NamespaceDecl>(D);
    if (Std)
      break;
  }
  if (!Std)
    return {};
  const ClassTemplateDecl *Traits = nullptr;
  for (const Decl *D :
       Std->lookup(DeclarationName(&Ctx.Idents.get("coroutine_traits")))) {
    Traits = dyn_cast<ClassTemplateDecl>(D);
    if (Traits)
      break;
  }
  if (!Traits)
    return {};
  const CXXRecordDecl *Canon = RD->getCanonicalDecl();
  const ClassTemplateDecl *RTemplate = nullptr;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    RTemplate = Spec->getSpecializedTemplate()->getCanonicalDecl();
  auto FirstArgNames = [&](QualType Arg) {
    if (Arg.isNull())
      return false;
    if (const CXXRecordDecl *A = Arg->getAsCXXRecordDecl())
      if (A->getCanonicalDecl() == Canon)
        return true;
    if (const auto *TST = Arg->getAs<TemplateSpecializationType>())
      if (const auto *CTD = dyn_cast_or_null<ClassTemplateDecl>(
              TST->getTemplateName().getAsTemplateDecl()))
        return RTemplate && CTD->getCanonicalDecl() == RTemplate;
    return false;
  };
  auto PromiseOf = [&](const CXXRecordDecl *TraitsRD) -> QualType {
    if (const auto *TND = dyn_cast_or_null<TypedefNameDecl>(
            findMember(TraitsRD, llvm::StringRef("promise_type"))))
      return TND->getUnderlyingType();
    if (const auto *TD = dyn_cast_or_null<TypeDecl>(
            findMember(TraitsRD, llvm::StringRef("promise_type"))))
      return Ctx.getTypeDeclType(TD);
    return {};
  };
  for (const ClassTemplateSpecializationDecl *Spec :
       Traits->specializations()) {
    const TemplateArgumentList &Args = Spec->getTemplateArgs();
    if (Args.size() > 0 && Args[0].getKind() == TemplateArgument::Type &&
        FirstArgNames(Args[0].getAsType()) &&
        Spec->getSpecializationKind() == TSK_ExplicitSpecialization)
      return PromiseOf(Spec);
  }
  llvm::SmallVector<ClassTemplatePartialSpecializationDecl *, 4> Partials;
  const_cast<ClassTemplateDecl *>(Traits)->getPartialSpecializations(Partials);
  for (const ClassTemplatePartialSpecializationDecl *P : Partials) {
    const TemplateArgumentList &Args = P->getTemplateArgs();
    if (Args.size() > 0 && Args[0].getKind() == TemplateArgument::Type &&
        FirstArgNames(Args[0].getAsType()))
      return PromiseOf(P);
  }
  return {};
}

/// Whether \p Init, a promise's initial_suspend(), suspends: false for
/// suspend_never-like awaiters, true when it suspends or is not constant.
static bool suspendsAt(const FunctionDecl *Init, ASTContext &Ctx) {
  QualType Ret = Init->getReturnType();
  if (Ret->isUndeducedType() || Ret->isDependentType()) {
    if (const FunctionDecl *Pattern = Init->getTemplateInstantiationPattern())
      Ret = Pattern->getReturnType();
    if (Ret->isUndeducedType())
      if (const Expr *V = singleReturnValue(Init))
        Ret = V->getType();
  }
  std::optional<bool> Ready = evaluateAwaitReady(Ret, Ctx);
  return !Ready.value_or(false);
}

/// A promise specialisation this unit never instantiated, whose primary
/// template is only declared (folly's result_promise<T, enable_if<...>>):
/// what its partial specialisations' initial_suspend() say, if they agree.
static std::optional<bool> partialsSuspend(const CXXRecordDecl *PRD,
                                           ASTContext &Ctx) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(PRD);
  if (!Spec || Spec->getDefinition())
    return std::nullopt;
  llvm::SmallVector<ClassTemplatePartialSpecializationDecl *, 4> Partials;
  Spec->getSpecializedTemplate()->getPartialSpecializations(Partials);
  std::optional<bool> Agreed;
  for (const ClassTemplatePartialSpecializationDecl *P : Partials) {
    const FunctionDecl *Init =
        asFunction(findMember(P, llvm::StringRef("initial_suspend")));
    if (!Init)
      return std::nullopt;
    bool Suspends = suspendsAt(Init, Ctx);
    if (Agreed && *Agreed != Suspends)
      return std::nullopt;
    Agreed = Suspends;
  }
  return Agreed;
}

/// Whether the promise's initial_suspend() suspends; unknown promises are
/// taken to (lazy).
static bool initiallySuspends(QualType Promise, ASTContext &Ctx) {
  const CXXRecordDecl *PRD = recordOf(Promise);
  if (const FunctionDecl *Init =
          asFunction(findMember(PRD, llvm::StringRef("initial_suspend"))))
    return suspendsAt(Init, Ctx);
  return partialsSuspend(PRD, Ctx).value_or(true);
}

/// The value of a constraint \p E for a class template specialization's
/// arguments \p Args (the template's own parameters are at depth 0):
/// `requires Awaitable`, `!B`, `A && B`, `(A || B)`, literals and whatever
/// is already constant. nullopt when it cannot tell (a type trait of a
/// type parameter needs Sema's substitution): then the member is usable.
static std::optional<bool> constraintValue(const Expr *E,
                                           const TemplateArgumentList &Args,
                                           ASTContext &Ctx,
                                           unsigned Depth = 0) {
  if (!E || Depth > 16)
    return std::nullopt;
  E = E->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E);
      UO && UO->getOpcode() == UO_LNot) {
    std::optional<bool> V =
        constraintValue(UO->getSubExpr(), Args, Ctx, Depth + 1);
    return V ? std::optional<bool>(!*V) : std::nullopt;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E);
      BO && (BO->getOpcode() == BO_LAnd || BO->getOpcode() == BO_LOr)) {
    bool And = BO->getOpcode() == BO_LAnd;
    std::optional<bool> L = constraintValue(BO->getLHS(), Args, Ctx, Depth + 1);
    std::optional<bool> R = constraintValue(BO->getRHS(), Args, Ctx, Depth + 1);
    // false && unknown is false; true || unknown is true.
    if ((L && *L != And) || (R && *R != And))
      return !And;
    if (L && R)
      return And;
    return std::nullopt;
  }
  if (const auto *Subst = dyn_cast<SubstNonTypeTemplateParmExpr>(E))
    return constraintValue(Subst->getReplacement(), Args, Ctx, Depth + 1);
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *P = dyn_cast<NonTypeTemplateParmDecl>(DRE->getDecl())) {
      if (P->getDepth() != 0 || P->getIndex() >= Args.size())
        return std::nullopt;
      const TemplateArgument &A = Args[P->getIndex()];
      if (A.getKind() == TemplateArgument::Integral)
        return A.getAsIntegral().getBoolValue();
      if (A.getKind() == TemplateArgument::Expression)
        return constraintValue(A.getAsExpr(), Args, Ctx, Depth + 1);
      return std::nullopt;
    }
  }
  if (E->isValueDependent() || E->isTypeDependent())
    return std::nullopt;
  bool Value = false;
  if (E->EvaluateAsBooleanCondition(Value, Ctx))
    return Value;
  return std::nullopt;
}

/// Whether \p FD, a member of \p Owner, is removed for Owner's template
/// arguments by its requires-clause (`auto operator co_await() requires
/// Awaitable`): a fire_and_forget made from a task template that way is
/// not awaitable.
static bool ruledOutByConstraints(const FunctionDecl *FD,
                                  const CXXRecordDecl *Owner, ASTContext &Ctx) {
  const Expr *Clause = FD ? FD->getTrailingRequiresClause() : nullptr;
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(Owner);
  if (!Clause || !Spec)
    return false;
  std::optional<bool> V =
      constraintValue(Clause, Spec->getTemplateInstantiationArgs(), Ctx);
  return V && !*V;
}

/// A member named \p Name that \p RD can use: found (in it or a base), and
/// not every overload of it removed by its requires-clause.
static const NamedDecl *usableMember(const CXXRecordDecl *RD,
                                     DeclarationName Name) {
  const NamedDecl *D = findMember(RD, Name);
  const FunctionDecl *FD = asFunction(D);
  const auto *Owner =
      FD ? dyn_cast<CXXRecordDecl>(FD->getDeclContext()) : nullptr;
  if (!Owner)
    return D;
  ASTContext &Ctx = Owner->getASTContext();
  for (const NamedDecl *O : Owner->lookup(Name))
    if (!ruledOutByConstraints(asFunction(O), Owner, Ctx))
      return O;
  return nullptr;
}

static bool hasMember(const CXXRecordDecl *RD, llvm::StringRef Name) {
  const CXXRecordDecl *Def = inspectable(RD);
  if (!Def)
    return false;
  return usableMember(RD, DeclarationName(&Def->getASTContext().Idents.get(
                              Name))) != nullptr;
}

static bool isAwaiter(const CXXRecordDecl *RD) {
  return hasMember(RD, "await_ready") && hasMember(RD, "await_suspend") &&
         hasMember(RD, "await_resume");
}

static bool isCoawaitOperator(const NamedDecl *D) {
  const FunctionDecl *FD = asFunction(D);
  return FD && FD->getOverloadedOperator() == OO_Coawait;
}

/// Member operator co_await, or a hidden friend one.
static bool hasOwnCoawait(const CXXRecordDecl *RD, ASTContext &Ctx) {
  DeclarationName Op = Ctx.DeclarationNames.getCXXOperatorName(OO_Coawait);
  if (usableMember(RD, Op))
    return true;
  const CXXRecordDecl *Def = inspectable(RD);
  if (!Def)
    return false;
  for (const FriendDecl *F : Def->friends())
    if (isCoawaitOperator(F->getFriendDecl()))
      return true;
  return false;
}

static bool paramNamesRecord(QualType P, const CXXRecordDecl *RD) {
  const CXXRecordDecl *PR = recordOf(P.getNonReferenceType());
  return PR && isSameOrDerivedRecord(RD, PR);
}

/// A namespace-scope operator co_await for RD declared by RD's own author:
/// same namespace and same file. Adapters from other libraries (for
/// example for std::chrono durations) do not make a value a task.
const FunctionDecl *ownFreeCoawait(const CXXRecordDecl *RD, ASTContext &Ctx) {
  const DeclContext *NS = RD ? RD->getEnclosingNamespaceContext() : nullptr;
  if (!NS)
    return nullptr;
  const SourceManager &SM = Ctx.getSourceManager();
  FileID RDFile = SM.getFileID(SM.getExpansionLoc(RD->getLocation()));
  DeclarationName Op = Ctx.DeclarationNames.getCXXOperatorName(OO_Coawait);
  for (const NamedDecl *D : NS->lookup(Op)) {
    const FunctionDecl *FD = asFunction(D);
    if (!FD || FD->getNumParams() != 1)
      continue;
    if (SM.getFileID(SM.getExpansionLoc(FD->getLocation())) != RDFile)
      continue;
    if (!paramNamesRecord(FD->getParamDecl(0)->getType(), RD))
      continue;
    // For a template, prefer the specialization for RD: its return type
    // is deduced once the operator has been used.
    if (const FunctionTemplateDecl *FTD = FD->getDescribedFunctionTemplate()) {
      for (const FunctionDecl *Spec : FTD->specializations())
        if (Spec->getNumParams() == 1 &&
            recordOf(Spec->getParamDecl(0)->getType()) == RD)
          return Spec;
    }
    return FD;
  }
  return nullptr;
}

static bool hasOwnFreeCoawait(const CXXRecordDecl *RD, ASTContext &Ctx) {
  return ownFreeCoawait(RD, Ctx) != nullptr;
}

/// Whether a member function of \p RD resumes a coroutine handle the
/// class holds (`T operator()() { h_.resume(); ... }`): its owner drives
/// it, as a generator's does, rather than awaiting it.
static bool resumesItself(const CXXRecordDecl *RD) {
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD))
    if (ClassTemplateDecl *T = Spec->getSpecializedTemplate())
      RD = T->getTemplatedDecl();
  struct Finder : RecursiveASTVisitor<Finder> {
    bool Found = false;
    static bool isHandleField(const Expr *Base) {
      const auto *ME = dyn_cast_or_null<MemberExpr>(
          Base ? Base->IgnoreParenImpCasts() : nullptr);
      const auto *FD = ME ? dyn_cast<FieldDecl>(ME->getMemberDecl()) : nullptr;
      // Canonical: the handle is often behind an alias (`using Handle =`).
      return FD &&
             llvm::StringRef(FD->getType().getCanonicalType().getAsString())
                 .contains("coroutine_handle");
    }
    bool VisitMemberExpr(MemberExpr *ME) {
      if (ME->getMemberNameInfo().getAsString() == "resume" &&
          isHandleField(ME->getBase()))
        Found = true;
      return !Found;
    }
    bool VisitCXXDependentScopeMemberExpr(CXXDependentScopeMemberExpr *ME) {
      if (ME->getMember().getAsString() == "resume" &&
          !ME->isImplicitAccess() && isHandleField(ME->getBase()))
        Found = true;
      return !Found;
    }
  };
  if (!RD || !RD->hasDefinition())
    return false;
  for (const CXXMethodDecl *M : RD->getDefinition()->methods()) {
    if (M->isStatic() || isa<CXXConstructorDecl, CXXDestructorDecl>(M) ||
        M->getAccess() == AS_private || !M->hasBody())
      continue;
    Finder F;
    F.TraverseStmt(M->getBody());
    if (F.Found)
      return true;
  }
  return false;
}

/// Whether a public member function of \p RD returns an awaitable
/// (`call_awaiter operator()()`): its owner pulls values by awaiting what
/// the member returns, as from an async generator, rather than awaiting it.
static bool pulledThroughAwaitables(const CXXRecordDecl *RD, ASTContext &Ctx) {
  const CXXRecordDecl *Def = inspectable(RD);
  if (!Def)
    return false;
  for (const CXXMethodDecl *M : Def->methods()) {
    if (M->isStatic() || M->getAccess() != AS_public ||
        isa<CXXConstructorDecl, CXXDestructorDecl, CXXConversionDecl>(M) ||
        M->getOverloadedOperator() == OO_Coawait)
      continue;
    const CXXRecordDecl *R =
        M->getReturnType().getNonReferenceType()->getAsCXXRecordDecl();
    if (R && R != Def && (isAwaiter(R) || hasOwnCoawait(R, Ctx)))
      return true;
  }
  return false;
}

/// An iterator declares its category (C++17) or concept (C++20).
static bool isIterator(const CXXRecordDecl *RD) {
  return isa_and_nonnull<TypeDecl>(
             findMember(RD, llvm::StringRef("iterator_category"))) ||
         isa_and_nonnull<TypeDecl>(
             findMember(RD, llvm::StringRef("iterator_concept")));
}

static bool isSender(const CXXRecordDecl *RD) {
  return hasMember(RD, "sender_concept") ||
         (hasMember(RD, "value_types") && hasMember(RD, "sends_done"));
}

TypeInfo TypeClassifier::classifyRecord(const CXXRecordDecl *RD) {
  TypeInfo Info;
  Info.Record = RD;
  const CXXRecordDecl *Def = inspectable(RD);
  Info.Nodiscard = (Def && Def->hasAttr<WarnUnusedResultAttr>()) ||
                   RD->hasAttr<WarnUnusedResultAttr>();
  if (!Def)
    return Info;
  // Seastar's future, for one, is awaitable through a namespace-scope
  // operator co_await next to it.
  bool OwnAwait =
      hasOwnCoawait(RD, Ctx) || isAwaiter(RD) || hasOwnFreeCoawait(RD, Ctx);
  Info.DirectlyAwaitable = OwnAwait;
  // An iterator over a coroutine (an async generator's) may name the
  // generator's promise_type for its own use; it is a position in a
  // sequence, not a task, and its operator++ is what returns an awaitable.
  if (!OwnAwait && isIterator(RD))
    return Info;
  QualType Promise = findPromiseType(RD, Ctx);
  if (!Promise.isNull()) {
    Info.IsCoroutineType = true;
    bool Range = hasMember(RD, "begin") && hasMember(RD, "end");
    // Not awaitable, and its owner resumes it or awaits what its members
    // return: a pull generator.
    if (!OwnAwait && !Range)
      Range = resumesItself(Def) || pulledThroughAwaitables(Def, Ctx);
    if (initiallySuspends(Promise, Ctx))
      Info.Kind =
          (OwnAwait || !Range) ? TaskKind::LazyTask : TaskKind::Generator;
    else
      Info.Kind = OwnAwait ? TaskKind::EagerTask : TaskKind::FireAndForget;
    return Info;
  }
  if (Def->hasAttr<CoroReturnTypeAttr>()) {
    Info.IsCoroutineType = true;
    Info.Kind = TaskKind::LazyTask;
    Info.Source = KindSource::Attribute;
    return Info;
  }
  if (hasOwnCoawait(RD, Ctx) || isAwaiter(RD) || isSender(RD)) {
    Info.Kind = TaskKind::LazyAwaitable;
    return Info;
  }
  if (OwnAwait) // a future-like handle awaitable through a free operator
    Info.Kind = TaskKind::EagerTask;
  return Info;
}

//===-- Where a type can be awaited ---------------------------------------===//

/// The awaiter \p RD produces: operator co_await's result, or itself.
static const CXXRecordDecl *awaiterOf(const CXXRecordDecl *RD,
                                      ASTContext &Ctx) {
  DeclarationName Op = Ctx.DeclarationNames.getCXXOperatorName(OO_Coawait);
  if (const FunctionDecl *FD = asFunction(findMember(RD, Op))) {
    QualType Ret = FD->getReturnType();
    if (!Ret->isUndeducedType())
      if (const CXXRecordDecl *A = recordOf(Ret))
        return A;
    return nullptr;
  }
  return RD;
}

/// The promise \p Awaiter's await_suspend requires, or null for any.
static const CXXRecordDecl *requiredPromise(const CXXRecordDecl *Awaiter) {
  const FunctionDecl *Suspend =
      asFunction(findMember(Awaiter, llvm::StringRef("await_suspend")));
  if (!Suspend || Suspend->getNumParams() != 1)
    return nullptr;
  QualType P = Suspend->getParamDecl(0)->getType().getNonReferenceType();
  const TemplateSpecializationType *TST =
      P->getAs<TemplateSpecializationType>();
  llvm::ArrayRef<TemplateArgument> Args;
  if (TST) {
    Args = TST->template_arguments();
  } else if (const auto *Spec =
                 dyn_cast_or_null<ClassTemplateSpecializationDecl>(
                     P->getAsCXXRecordDecl())) {
    Args = Spec->getTemplateArgs().asArray();
  }
  const CXXRecordDecl *Handle = recordOf(P);
  if (!Handle || Handle->getName() != "coroutine_handle" || Args.size() != 1 ||
      Args[0].getKind() != TemplateArgument::Type)
    return nullptr;
  QualType Arg = Args[0].getAsType();
  if (Arg->isVoidType() || Arg->isTemplateTypeParmType())
    return nullptr;
  return recordOf(Arg);
}

/// The library a class belongs to: its outermost namespace, or the second
/// one under `boost` (boost::asio, boost::cobalt). stdexec's task lives in
/// `exec`, its senders in `stdexec`: one library.
static std::string libraryOf(const CXXRecordDecl *RD) {
  llvm::SmallVector<llvm::StringRef, 4> Namespaces;
  for (const DeclContext *DC = RD ? RD->getDeclContext() : nullptr; DC;
       DC = DC->getParent())
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC))
      if (!NS->isAnonymousNamespace() && !NS->isInline())
        Namespaces.push_back(NS->getName());
  if (Namespaces.empty())
    return "";
  llvm::StringRef Root = Namespaces.back();
  if (Root == "boost" && Namespaces.size() > 1)
    return ("boost::" + Namespaces[Namespaces.size() - 2]).str();
  if (Root == "exec")
    return "stdexec";
  return Root.str();
}

/// `template <class T> auto await_transform(T&&)` with no constraint: it
/// takes anything (folly's and unifex's promises).
static bool isCatchAll(const FunctionTemplateDecl *FTD) {
  const FunctionDecl *FD = FTD->getTemplatedDecl();
  if (FD->getNumParams() != 1 || FD->getTrailingRequiresClause() ||
      FTD->getTemplateParameters()->getRequiresClause())
    return false;
  for (const NamedDecl *P : *FTD->getTemplateParameters())
    if (const auto *TTP = dyn_cast<TemplateTypeParmDecl>(P);
        TTP && TTP->hasTypeConstraint())
      return false;
  QualType T = FD->getParamDecl(0)->getType().getNonReferenceType();
  return isa<TemplateTypeParmType>(T.getUnqualifiedType().getCanonicalType());
}

TypeClassifier::AwaitVerdict TypeClassifier::awaitVerdict(QualType Awaited,
                                                          QualType Promise) {
  const TypeInfo &Info = classify(Awaited);
  const CXXRecordDecl *PRD = recordOf(Promise);
  if (!Info.Record || !PRD)
    return AwaitVerdict::Yes;
  const NamedDecl *Transform =
      findMember(PRD, llvm::StringRef("await_transform"));
  if (Transform) {
    const FunctionDecl *TF = asFunction(Transform);
    if (TF && TF->isDeleted())
      return AwaitVerdict::No; // e.g. generators: nothing can be awaited
  }
  if (!Info.DirectlyAwaitable) {
    // Awaitable only through the caller promise's await_transform, and
    // without Sema we cannot resolve its overloads and constraints. Accept
    // with evidence: a non-template overload naming the type, a template
    // already instantiated for it in this translation unit, or an
    // unconstrained catch-all of the task's own library.
    if (!Transform)
      return AwaitVerdict::No;
    bool CatchAll = false, Constrained = false;
    const CXXRecordDecl *Def = inspectable(PRD);
    for (const CXXRecordDecl *R = Def; R;) {
      for (const NamedDecl *D :
           R->lookup(DeclarationName(&Ctx.Idents.get("await_transform")))) {
        const FunctionDecl *FD = asFunction(D);
        if (!FD || FD->getNumParams() < 1)
          continue;
        if (const FunctionTemplateDecl *FTD =
                FD->getDescribedFunctionTemplate()) {
          (isCatchAll(FTD) ? CatchAll : Constrained) = true;
          for (const FunctionDecl *Spec : FTD->specializations()) {
            if (Spec->getNumParams() >= 1 &&
                isSameOrDerivedRecord(
                    Info.Record, recordOf(Spec->getParamDecl(0)->getType())))
              return AwaitVerdict::Yes;
          }
        } else if (isSameOrDerivedRecord(
                       Info.Record, recordOf(FD->getParamDecl(0)->getType()))) {
          return AwaitVerdict::Yes;
        }
      }
      // Promises often inherit await_transform from a base.
      const CXXRecordDecl *Next = nullptr;
      for (const CXXBaseSpecifier &B : R->bases()) {
        Next = inspectable(recordOf(B.getType()));
        if (Next)
          break;
      }
      R = Next;
    }
    std::string Lib = libraryOf(PRD);
    if (Lib.empty() || Lib != libraryOf(Info.Record))
      return AwaitVerdict::No;
    if (CatchAll)
      return AwaitVerdict::Yes;
    return Constrained ? AwaitVerdict::Unknown : AwaitVerdict::No;
  }
  if (const CXXRecordDecl *Awaiter = awaiterOf(Info.Record, Ctx))
    if (const CXXRecordDecl *Need = requiredPromise(Awaiter))
      return isSameOrDerivedRecord(PRD, Need) ? AwaitVerdict::Yes
                                              : AwaitVerdict::No;
  return AwaitVerdict::Yes;
}

bool TypeClassifier::isIgnoredFunction(const FunctionDecl *FD) {
  if (!FD)
    return false;
  FD = FD->getCanonicalDecl();
  auto It = IgnoredCache.find(FD);
  if (It != IgnoredCache.end())
    return It->second;
  std::string Name = qualifiedNameNoArgs(FD);
  bool Ignored =
      matchesAny(IgnoredFnRes, Name) || Prof->isIgnoredFunction(Name);
  IgnoredCache[FD] = Ignored;
  return Ignored;
}

bool TypeClassifier::isRunner(const FunctionDecl *FD) {
  if (!FD)
    return false;
  FD = FD->getCanonicalDecl();
  auto [It, New] = RunnerCache.try_emplace(FD, false);
  if (New) {
    std::string Name = qualifiedNameNoArgs(FD);
    It->second = Prof->isRunner(Name) ||
                 (!Opts.SyncWaitFunction.empty() &&
                  llvm::StringRef(Name) ==
                      llvm::StringRef(Opts.SyncWaitFunction).ltrim(':'));
  }
  return It->second;
}

/// A callable that returns nothing and cannot throw: a lambda with an empty
/// body, or a noexcept one returning void.
static bool silentHandler(const Expr *Arg) {
  const Expr *E = Arg->IgnoreImplicit();
  if (const auto *CE = dyn_cast<CXXConstructExpr>(E);
      CE && CE->getNumArgs() == 1)
    E = CE->getArg(0)->IgnoreImplicit();
  const auto *LE = dyn_cast<LambdaExpr>(E);
  const CXXMethodDecl *Call = LE ? LE->getCallOperator() : nullptr;
  if (!Call || !Call->getReturnType()->isVoidType())
    return false;
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Call->getBody());
  if (Body && Body->body_empty())
    return true;
  const auto *FPT = Call->getType()->getAs<FunctionProtoType>();
  return FPT && FPT->isNothrow();
}

bool TypeClassifier::isReadyPlaceholder(const Expr *E) {
  const auto *Call =
      dyn_cast_or_null<CallExpr>(E ? ignoreTemporaries(E) : nullptr);
  // `f.handle_exception([](std::exception_ptr) {})`: a future with no value
  // whose every failure goes to a handler that returns nothing and cannot
  // throw holds nothing to lose either.
  if (const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(Call)) {
    const CXXMethodDecl *M = MC->getMethodDecl();
    // Seastar's takes a defaulted std::source_location too.
    bool OneHandler =
        MC->getNumArgs() >= 1 &&
        llvm::all_of(llvm::drop_begin(MC->arguments()),
                     [](const Expr *A) { return isa<CXXDefaultArgExpr>(A); });
    if (M && OneHandler && holdsNoValue(MC->getType()) &&
        Prof->absorbsExceptions(qualifiedNameNoArgs(M)) &&
        silentHandler(MC->getArg(0)))
      return true;
  }
  const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
  return FD && (Call->getNumArgs() == 0 || holdsNoValue(Call->getType())) &&
         Prof->isReadyPlaceholder(qualifiedNameNoArgs(FD));
}

std::optional<StateTest>
TypeClassifier::stateTest(const CXXMemberCallExpr *MC) {
  const CXXMethodDecl *M = MC ? MC->getMethodDecl() : nullptr;
  if (!M || MC->getNumArgs() != 0)
    return std::nullopt;
  return Prof->stateTest(qualifiedNameNoArgs(M));
}

bool TypeClassifier::passesReadyFuture(const CXXMemberCallExpr *MC) {
  const CXXMethodDecl *M = MC ? MC->getMethodDecl() : nullptr;
  return M && Prof->passesReadyFuture(qualifiedNameNoArgs(M));
}

std::optional<bool> TypeClassifier::constantCondition(const Expr *Cond) {
  bool Negated = false;
  for (unsigned Depth = 0; Cond && Depth < 4; ++Depth) {
    Cond = Cond->IgnoreParenImpCasts();
    if (const auto *UO = dyn_cast<UnaryOperator>(Cond);
        UO && UO->getOpcode() == UO_LNot) {
      Negated = !Negated;
      Cond = UO->getSubExpr();
      continue;
    }
    break;
  }
  const auto *Call = dyn_cast_or_null<CallExpr>(Cond);
  const FunctionDecl *FD = Call ? Call->getDirectCallee() : nullptr;
  if (!FD)
    return std::nullopt;
  std::optional<bool> V = Prof->constantCondition(qualifiedNameNoArgs(FD));
  if (V && Negated)
    *V = !*V;
  return V;
}

bool TypeClassifier::isAwaitResult(const Expr *E) {
  for (unsigned Depth = 0; E && Depth < 8; ++Depth) {
    E = ignoreTemporaries(E);
    if (isa<CoawaitExpr, CoyieldExpr, DependentCoawaitExpr>(E))
      return true;
    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      E = ME->getBase(); // (co_await when_all(...)).first
      continue;
    }
    if (const auto *C = dyn_cast<CXXConstructExpr>(E);
        C && C->getNumArgs() == 1 &&
        C->getConstructor()->isCopyOrMoveConstructor()) {
      E = C->getArg(0); // moved or copied out of a result
      continue;
    }
    if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E)) {
      E = AS->getBase();
      continue;
    }
    const auto *Call = dyn_cast<CallExpr>(E);
    if (!Call)
      return false;
    const FunctionDecl *FD = Call->getDirectCallee();
    if (isRunner(FD)) // sync_wait(t), and members like `r.get()` that block
      return true;
    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
      if (FD && FD->getIdentifier() &&
          llvm::is_contained({"at", "front", "back", "value"}, FD->getName())) {
        E = MC->getImplicitObjectArgument();
        continue;
      }
      return false;
    }
    // A part of a result: results[i], std::get<0>(r), r.at(0), std::move(r).
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Call);
        Op && Op->getOperator() == OO_Subscript) {
      E = Op->getArg(0);
      continue;
    }
    if (FD && FD->isInStdNamespace() && Call->getNumArgs() == 1 &&
        (FD->getName() == "get" || FD->getName() == "move" ||
         FD->getName() == "forward")) {
      E = Call->getArg(0);
      continue;
    }
    return false;
  }
  return false;
}

bool TypeClassifier::isConsumingMethod(llvm::StringRef MethodName) const {
  for (const std::string &M : Opts.ConsumingMethods)
    if (M == MethodName)
      return true;
  return Prof->isConsumingMethod(MethodName);
}

} // namespace unawaited
