@NullMarked
package kr.gukdae.app.office;

import org.jspecify.annotations.NullMarked;
