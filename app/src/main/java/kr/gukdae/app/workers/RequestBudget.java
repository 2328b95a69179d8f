package kr.gukdae.app.workers;

/**
 * The requests a worker keeps in flight at most ({@code --capacity}), shared by the pieces it runs
 * at once: each piece's endpoint grant is taken out of it before the grant is asked for and given
 * back when the piece ends, so a worker's slots together never ask more than its capacity, while
 * each slot holds its own grant ({@link EndpointPermits}, holder {@code worker/slot}).
 */
final class RequestBudget {

  private final int capacity;
  private int taken;

  RequestBudget(int capacity) {
    this.capacity = capacity;
  }

  /** Takes up to {@code want} of what is left; 0 when the other pieces hold all of it. */
  synchronized int take(int want) {
    int got = Math.max(0, Math.min(want, capacity - taken));
    taken += got;
    return got;
  }

  synchronized void giveBack(int n) {
    taken -= n;
  }

  /** What the running pieces hold now. */
  synchronized int taken() {
    return taken;
  }
}
