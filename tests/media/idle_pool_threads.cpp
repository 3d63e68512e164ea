#include "idle_pool_threads.h"

#include <glib.h>

void keepIdlePoolThreads()
{
    g_thread_pool_set_max_idle_time(0);
    g_thread_pool_set_max_unused_threads(-1);
}
