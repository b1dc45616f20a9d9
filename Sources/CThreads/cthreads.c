#define _GNU_SOURCE
#include "cthreads.h"
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>

struct start {
    void *(*body)(void *);
    void *context;
    char name[16];
    cpu_set_t cores;
};

/* A new thread's malloc arena (glibc gives each thread one of its own)
   grows its heap a page at a time, each page an mprotect: a cluster
   step's reading made 167 of them (strace). Grown here in a few steps
   of 120 KiB (below the size malloc maps on its own), then freed: the
   heap keeps its pages' protection and grows into them without a call. */
static void grow_arena(void) {
    /* Through a volatile pointer: the compiler leaves out a malloc and
       free whose memory nothing uses. */
    void *(*volatile allocate)(size_t) = malloc;
    void *blocks[16];
    for (int i = 0; i < 16; i++) blocks[i] = allocate(120 * 1024);
    for (int i = 0; i < 16; i++) free(blocks[i]);
}

static void *trampoline(void *argument) {
    struct start start = *(struct start *)argument;
    free(argument);
    sched_setaffinity(0, sizeof start.cores, &start.cores);
    pthread_setname_np(pthread_self(), start.name);
    grow_arena();
    return start.body(start.context);
}

int samtal_start_thread(void *(*body)(void *), void *context, const char *name) {
    struct start *start = calloc(1, sizeof *start);
    if (!start) return 12; /* ENOMEM */
    start->body = body;
    start->context = context;
    strncpy(start->name, name, sizeof start->name - 1);
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setdetachstate(&attributes, PTHREAD_CREATE_DETACHED);
    int here = sched_getcpu();
    if (sched_getaffinity(0, sizeof start->cores, &start->cores) == 0) {
        cpu_set_t others = start->cores;
        if (here >= 0 && here < CPU_SETSIZE) CPU_CLR(here, &others);
        if (CPU_COUNT(&others) > 0) pthread_attr_setaffinity_np(&attributes, sizeof others, &others);
    } else {
        CPU_ZERO(&start->cores);
        for (int i = 0; i < CPU_SETSIZE; i++) CPU_SET(i, &start->cores);
    }
    pthread_t thread;
    int made = pthread_create(&thread, &attributes, trampoline, start);
    pthread_attr_destroy(&attributes);
    if (made != 0) free(start);
    return made;
}

void samtal_run_when_idle(void) {
    struct sched_param parameters = { .sched_priority = 0 };
    pthread_setschedparam(pthread_self(), SCHED_IDLE, &parameters);
}
