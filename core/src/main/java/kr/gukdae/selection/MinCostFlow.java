package kr.gukdae.selection;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Min-cost max-flow by successive shortest paths (queue-based Bellman-Ford, so negative residual
 * costs are fine). Deterministic: edges are tried in the order they were added.
 */
final class MinCostFlow {

  private record Edge(int to, int rev, long cost) {}

  private final List<List<Edge>> graph = new ArrayList<>();
  private final List<long[]> capacity = new ArrayList<>();

  MinCostFlow(int nodes) {
    for (int i = 0; i < nodes; i++) {
      graph.add(new ArrayList<>());
      capacity.add(new long[0]);
    }
  }

  /** Adds an edge and returns a handle for {@link #flow}. */
  int[] edge(int from, int to, long cap, long cost) {
    graph.get(from).add(new Edge(to, graph.get(to).size(), cost));
    graph.get(to).add(new Edge(from, graph.get(from).size() - 1, -cost));
    grow(from, graph.get(from).size());
    grow(to, graph.get(to).size());
    capacity.get(from)[graph.get(from).size() - 1] = cap;
    return new int[] {from, graph.get(from).size() - 1, cap > Integer.MAX_VALUE ? -1 : (int) cap};
  }

  /** Flow currently on an edge returned by {@link #edge}. */
  long flow(int[] handle) {
    Edge e = graph.get(handle[0]).get(handle[1]);
    return capacity.get(e.to())[e.rev()];
  }

  /** Pushes as much flow as possible from s to t at least cost; returns {flow, cost}. */
  long[] run(int s, int t) {
    int n = graph.size();
    long flow = 0;
    long cost = 0;
    long[] dist = new long[n];
    int[] prevNode = new int[n];
    int[] prevEdge = new int[n];
    boolean[] queued = new boolean[n];
    while (true) {
      Arrays.fill(dist, Long.MAX_VALUE);
      dist[s] = 0;
      ArrayDeque<Integer> queue = new ArrayDeque<>();
      queue.add(s);
      while (!queue.isEmpty()) {
        int u = queue.poll();
        queued[u] = false;
        List<Edge> out = graph.get(u);
        for (int i = 0; i < out.size(); i++) {
          Edge e = out.get(i);
          if (capacity.get(u)[i] > 0 && dist[u] + e.cost() < dist[e.to()]) {
            dist[e.to()] = dist[u] + e.cost();
            prevNode[e.to()] = u;
            prevEdge[e.to()] = i;
            if (!queued[e.to()]) {
              queued[e.to()] = true;
              queue.add(e.to());
            }
          }
        }
      }
      if (dist[t] == Long.MAX_VALUE) {
        return new long[] {flow, cost};
      }
      long push = Long.MAX_VALUE;
      for (int v = t; v != s; v = prevNode[v]) {
        push = Math.min(push, capacity.get(prevNode[v])[prevEdge[v]]);
      }
      for (int v = t; v != s; v = prevNode[v]) {
        Edge e = graph.get(prevNode[v]).get(prevEdge[v]);
        capacity.get(prevNode[v])[prevEdge[v]] -= push;
        capacity.get(v)[e.rev()] += push;
      }
      flow += push;
      cost += push * dist[t];
    }
  }

  private void grow(int node, int size) {
    long[] c = capacity.get(node);
    if (c.length < size) {
      capacity.set(node, Arrays.copyOf(c, Math.max(size, c.length * 2 + 4)));
    }
  }
}
