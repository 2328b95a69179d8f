@NullMarked
package kr.gukdae.forensics;

import org.jspecify.annotations.NullMarked;
