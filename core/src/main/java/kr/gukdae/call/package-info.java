@NullMarked
package kr.gukdae.call;

import org.jspecify.annotations.NullMarked;
