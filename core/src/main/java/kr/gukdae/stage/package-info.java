@NullMarked
package kr.gukdae.stage;

import org.jspecify.annotations.NullMarked;
