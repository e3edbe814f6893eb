//===- gen.cpp - Writes a generated translation unit for bench/*.sh -------===//
//   unawaited_gen <statements> > big.cpp       one large coroutine (run.sh)
//   unawaited_gen --discards <N> > calls.cpp   N discarded calls (report.sh)
#include "Generate.h"
#include <cstdio>
#include <cstdlib>
#include <cstring>

int main(int argc, char **argv) {
  bool Discards = argc > 1 && std::strcmp(argv[1], "--discards") == 0;
  const char *Count = argc > (Discards ? 2 : 1) ? argv[Discards ? 2 : 1] : "";
  unsigned N = *Count ? static_cast<unsigned>(std::atoi(Count)) : 1000;
  std::fputs((Discards ? unawaited::bench::generateDiscards(N)
                       : unawaited::bench::generateFunction(N))
                 .c_str(),
             stdout);
  return 0;
}
