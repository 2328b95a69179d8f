/**
 * Operations: Prometheus metrics ({@code GET /metrics}) and the health probe ({@code GET
 * /healthz}). See docs/deploy.md.
 */
@NullMarked
package kr.gukdae.app.ops;

import org.jspecify.annotations.NullMarked;
