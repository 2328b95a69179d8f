@NullMarked
package kr.gukdae.eval.tasks;

import org.jspecify.annotations.NullMarked;
