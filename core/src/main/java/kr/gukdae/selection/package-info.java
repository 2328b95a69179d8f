@NullMarked
package kr.gukdae.selection;

import org.jspecify.annotations.NullMarked;
