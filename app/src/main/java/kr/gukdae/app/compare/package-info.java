@NullMarked
package kr.gukdae.app.compare;

import org.jspecify.annotations.NullMarked;
