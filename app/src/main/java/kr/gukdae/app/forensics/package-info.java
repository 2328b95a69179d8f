@NullMarked
package kr.gukdae.app.forensics;

import org.jspecify.annotations.NullMarked;
