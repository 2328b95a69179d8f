@NullMarked
package kr.gukdae.app.eval;

import org.jspecify.annotations.NullMarked;
