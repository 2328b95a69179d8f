@NullMarked
package kr.gukdae.resources;

import org.jspecify.annotations.NullMarked;
