// Classes with task members, declared in a header, for
// coro-unawaited-member's check files: whether every function that could
// consume a member is in the translation unit decides whether it reports.
#pragma once
#include "job.h"
#include <utility>

svc::Job<> header_loop();

// Every member function is defined here or in the including file, and the
// member is private: the translation unit sees every use.
class Complete {
public:
  void start();
  void stop() {}
private:
  svc::Job<> bg_; // expected-note {{'bg_' declared here; no function of 'Complete' awaits it, moves it out or hands it on}}
};

// stop() is defined in another file (it may await the member): quiet.
class Partial {
public:
  void start();
  svc::Job<> stop();
private:
  svc::Job<> bg_;
};

// A public member may be consumed by any code, in any file: quiet.
struct Open {
  void start();
  svc::Job<> bg;
};

// A friend may consume it: quiet.
class Befriended {
  friend svc::Job<> drain(Befriended &);
public:
  void start();
private:
  svc::Job<> bg_;
};
