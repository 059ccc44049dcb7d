#pragma once

// The session is the core's (SessionController holds the acting one); widgets include it here.
#include "auth/Session.h"
